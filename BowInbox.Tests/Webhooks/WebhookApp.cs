using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Routing.Web;
using BowInbox.Web.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.OutgoingWebhooks;

/// <summary>The routing test app (automatic intake, a clock the test moves) whose outgoing events reach <see cref="Receiver"/>.</summary>
public sealed class WebhookApp(FakeTimeProvider clock, WebhookReceiver receiver, string? existingFolder = null) : IAsyncDisposable
{
    public const string ReceiverUrl = "https://receiver.example/bowinbox/events";

    public static readonly ClaimsPrincipal Admin = Person("admin@demo.local", Roles.Admin);

    public RoutingApp App { get; } = new ReceivingApp(clock, receiver, existingFolder);

    public WebhookReceiver Receiver => receiver;

    public FakeTimeProvider Clock => clock;

    public static ClaimsPrincipal Person(string name, string role)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>Subscribes <see cref="ReceiverUrl"/> to these events; returns the subscription and its secret.</summary>
    public async Task<(int Id, string Secret)> SubscribeAsync(params string[] types)
    {
        var change = await App.Get<WebhookSubscriptions>().CreateAsync(Admin, ReceiverUrl, types);
        Assert.Null(change.Error);
        return (change.SubscriptionId, change.Secret!);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private sealed class ReceivingApp(FakeTimeProvider clock, WebhookReceiver receiver, string? existingFolder) : RoutingApp(clock, existingFolder)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHttpClient(WebhookSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => receiver));
        }
    }
}
