using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace BowInbox.Tests.Support;

/// <summary>One call the hub made to a client: the method and its argument exactly as it came over the wire.</summary>
public sealed record HubCall(string Method, string Json)
{
    public JsonElement Payload => JsonDocument.Parse(Json).RootElement;

    public int TicketId => Payload.GetProperty(Method == InboxClientMethods.TicketUpdated ? "id" : "ticketId").GetInt32();
}

/// <summary>A connection to the inbox hub that records every <see cref="InboxClientMethods"/> call it receives.</summary>
public sealed class HubClient(HubConnection connection) : IAsyncDisposable
{
    public HubConnection Connection { get; } = connection;

    public ConcurrentQueue<HubCall> Received { get; } = new();

    public IEnumerable<HubCall> Calls(string method, int ticketId) => Received.Where(c => c.Method == method && c.TicketId == ticketId);

    public Task WaitForAsync(string method, int ticketId, Func<HubCall, bool>? matching = null)
        => Eventually.TrueAsync(() => Calls(method, ticketId).Any(matching ?? (_ => true)), $"{method} for ticket {ticketId}");

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>Connects hub clients in-process, signed in through the real login form, over long polling.</summary>
public static class HubClients
{
    public static async Task<HubClient> ConnectAsync(InboxAppFactory app, string email)
        => await ConnectWithCookieAsync(app, await AuthCookieAsync(app, email));

    /// <summary>A connection signed in with a cookie kept from an earlier sign-in (<see cref="AuthCookieAsync"/>).</summary>
    public static async Task<HubClient> ConnectWithCookieAsync(InboxAppFactory app, string cookie)
    {
        var client = new HubClient(Build(app, cookie));
        foreach (var method in new[] { InboxClientMethods.TicketUpdated, InboxClientMethods.MessageChanged })
        {
            client.Connection.On<JsonElement>(method, payload => client.Received.Enqueue(new HubCall(method, payload.GetRawText())));
        }

        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>A connection with no sign-in at all.</summary>
    public static HubConnection Anonymous(InboxAppFactory app) => Build(app, cookie: null);

    private static HubConnection Build(InboxAppFactory app, string? cookie)
        => new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, InboxHub.Path.TrimStart('/')), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();

    /// <summary>Signs in through the login form and returns the cookie header.</summary>
    public static async Task<string> AuthCookieAsync(InboxAppFactory app, string email)
    {
        var cookies = new CookieContainerHandler();
        using var http = app.CreateDefaultClient(cookies);
        var response = await Login.PostAsync(http, email, Login.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.Container.GetCookieHeader(http.BaseAddress!);
    }
}
