using BowInbox.Core.Numbers;
using BowInbox.Core.Sms;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Sms;
using BowInbox.Web.WhatsApp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Sms;

/// <summary>The routing app with an SMS central number and the SMS provider faked.</summary>
public sealed class SmsApp : RoutingApp
{
    public const string AuthToken = "test-sms-auth-token";
    public const string AccountSid = "ACtest0000000000000000000000000000";

    /// <summary>Our central SMS number, as E.164 digits (also its id).</summary>
    public const string SmsCentral = "15550009999";

    public FakeSmsApi SmsApi { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:AuthToken", AuthToken);
        builder.UseSetting("Sms:AccountSid", AccountSid);
        builder.UseSetting("Sms:BaseUrl", FakeSmsApi.BaseUrl);
        builder.ConfigureTestServices(services => services.AddHttpClient<ISmsClient, SmsClient>().ConfigurePrimaryHttpMessageHandler(() => SmsApi));
    }

    /// <summary>Adds the central SMS number (once) and has the outbox see it at once.</summary>
    public async Task AddSmsCentralAsync()
    {
        await using (var db = CreateDbContext())
        {
            if (!db.ProxyNumbers.Any(n => n.PhoneNumberId == SmsCentral))
            {
                db.ProxyNumbers.Add(new ProxyNumber { PhoneNumberId = SmsCentral, DisplayNumber = SmsCentral, Purpose = NumberPurpose.Central, Channel = TicketChannels.Sms, Active = true });
                await db.SaveChangesAsync();
            }
        }

        Get<SendingNumbers>().Invalidate();
    }

    /// <summary>Posts a form to an SMS webhook signed as the provider signs it (or with <paramref name="signature"/>).</summary>
    public static async Task<HttpResponseMessage> PostSmsAsync(HttpClient client, IReadOnlyDictionary<string, string> form, string path = SmsWebhookEndpoints.Path, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(SmsSignature.HeaderName, signature ?? SmsSignature.Compute("http://localhost" + path, form, AuthToken));
        return await client.SendAsync(request);
    }

    public static Dictionary<string, string> Text(string from, string body, string? sid = null) => new()
    {
        ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"),
        ["AccountSid"] = AccountSid,
        ["From"] = "+" + from,
        ["To"] = "+" + SmsCentral,
        ["Body"] = body,
        ["NumMedia"] = "0",
    };
}
