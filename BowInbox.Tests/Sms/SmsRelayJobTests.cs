using BowInbox.Core.Tickets;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Sms;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Sms;

/// <summary>
/// A whole job with the customer on SMS and the technician on WhatsApp, through the real webhooks, routing, relay and
/// outbox: neither side's number ever reaches the other, a leak the SMS customer types is redacted, and the customer can
/// carry the ticket over to WhatsApp with the code they were texted.
/// </summary>
public sealed class SmsRelayJobTests
{
    private const string Customer = "15557000042";
    private const string Tom = RoutingApp.TomWaId;
    private const string CustomerOnWhatsApp = "15557000077";

    private static readonly string[] CustomerNumbers = [Customer, "555 700 0042", "0412 345 678", "rosa@mail.example"];
    private static readonly string[] TomNumbers = [Tom, "555 010 0001", "555-010-0001", "tom.plumbing@example.com"];

    [Fact]
    public async Task Sms_customer_and_whatsapp_technician_talk_through_the_pool_number_without_seeing_a_number()
    {
        await using var app = new SmsApp();
        _ = app.Server;
        await app.AddSmsCentralAsync();
        var http = app.CreateBrowserlessClient();
        await using var db = app.CreateDbContext();

        await SmsApp.PostSmsAsync(http, SmsApp.Text(Customer, "burst pipe under the sink, downtown", "SMjob000000000000000000000000001"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer at Tom");
        var pool = app.Graph.Requests.First(r => r.To == Tom && RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)).PhoneNumberId;
        var ticketId = await db.Messages.Where(m => m.Wamid == "SMjob000000000000000000000000001").Select(m => m.TicketId).SingleAsync();
        Assert.Equal(TicketChannels.Sms, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Channel).SingleAsync());

        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "/accept", "wamid.SJ2", phoneNumberId: pool, profileName: "Tom 555-010-0001"));
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the relay session");

        // Who is coming reaches the customer by SMS, from our SMS number.
        await Eventually.TrueAsync(() => app.SmsApi.Requests.Any(r => r.To == "+" + Customer && r.Body.Contains("Tom", StringComparison.Ordinal)), "the customer told who is coming, by SMS");

        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "On my way! Text me on 555-010-0001 or tom.plumbing@example.com", "wamid.SJ3", phoneNumberId: pool, profileName: "Tom 555-010-0001"));
        await Eventually.TrueAsync(() => app.SmsApi.Requests.Any(r => r.To == "+" + Customer && r.Body.Contains("On my way", StringComparison.Ordinal)), "Tom's reply by SMS");

        await SmsApp.PostSmsAsync(http, SmsApp.Text(Customer, "great, or call me on 0412 345 678 or rosa@mail.example", "SMjob000000000000000000000000004"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Tom && r.PhoneNumberId == pool && (r.Text ?? "").Contains("great", StringComparison.Ordinal)), "the customer's SMS at Tom");
        Assert.True(await db.PolicyViolations.AnyAsync(v => v.TicketId == ticketId), "the leak the SMS customer typed is recorded");

        await Webhooks.PostSignedAsync(http, Webhooks.Text(Tom, "/done", "wamid.SJ5", phoneNumberId: pool, profileName: "Tom 555-010-0001"));
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == TicketStatus.Resolved), "/done to resolve the job");

        // Every SMS went from our SMS number to the customer; none carries Tom's number, and no WhatsApp send carries the customer's.
        Assert.NotEmpty(app.SmsApi.Requests);
        foreach (var sms in app.SmsApi.Requests)
        {
            Assert.Equal("+" + SmsApp.SmsCentral, sms.From);
            Assert.Equal("+" + Customer, sms.To);
            AssertNone(TomNumbers, sms.Body, "an SMS to the customer");
        }

        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer);
        foreach (var request in app.Graph.Requests)
        {
            AssertNone(CustomerNumbers, request.Body, $"a WhatsApp send to {(request.To == Tom ? "Tom" : "someone")}");
        }

        foreach (var line in app.Logs.Lines)
        {
            AssertNone([Customer, Tom, "0412 345 678"], line, "a log line");
        }
    }

    [Fact]
    public async Task An_sms_customer_continues_the_same_ticket_on_whatsapp_with_the_texted_code()
    {
        await using var app = new SmsApp();
        _ = app.Server;
        await app.AddSmsCentralAsync();
        var http = app.CreateBrowserlessClient();
        await using var db = app.CreateDbContext();

        await SmsApp.PostSmsAsync(http, SmsApp.Text(Customer, "burst pipe under the sink, downtown", "SMcont00000000000000000000000001"));
        await Eventually.TrueAsync(() => app.SmsApi.Requests.Any(r => r.Body.Contains("https://wa.me/", StringComparison.Ordinal)), "the WhatsApp offer by SMS");
        var offer = app.SmsApi.Requests.First(r => r.Body.Contains("https://wa.me/", StringComparison.Ordinal)).Body;
        var code = WhatsAppContinuations.CodeIn(Uri.UnescapeDataString(offer));
        Assert.NotNull(code);
        Assert.Contains("https://wa.me/15550000000?text=", offer, StringComparison.Ordinal);
        var ticketId = await db.Messages.Where(m => m.Wamid == "SMcont00000000000000000000000001").Select(m => m.TicketId).SingleAsync();

        // A code nobody was given is an ordinary message (a new conversation), not a takeover.
        await Webhooks.PostSignedAsync(http, Webhooks.Text("15557000078", "Continue my request BW-ZZZZZZZZ", "wamid.SC0", phoneNumberId: RelayTestData.Central));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.SC0"), "the stranger's message");
        Assert.NotEqual(ticketId, await db.Messages.Where(m => m.Wamid == "wamid.SC0").Select(m => m.TicketId).SingleAsync());

        await Webhooks.PostSignedAsync(http, Webhooks.Text(CustomerOnWhatsApp, WhatsAppContinuations.LinkText(code!), "wamid.SC1", phoneNumberId: RelayTestData.Central));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.SC1"), "the code to arrive");

        Assert.Equal(ticketId, await db.Messages.Where(m => m.Wamid == "wamid.SC1").Select(m => m.TicketId).SingleAsync());
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Contact).SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketChannels.WhatsApp, ticket.Channel);
        Assert.Equal(TicketChannels.WhatsApp, ticket.Contact!.Channel);
        Assert.True(await db.Messages.CountAsync(m => m.TicketId == ticketId) >= 3, "the SMS history stays on the ticket");
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "channel-changed"), "the timeline records the channel change");
        Assert.True(await db.WhatsAppContinuations.AnyAsync(c => c.TicketId == ticketId && c.UsedAt != null));

        // The same code does not work twice.
        await Webhooks.PostSignedAsync(http, Webhooks.Text("15557000079", WhatsAppContinuations.LinkText(code!), "wamid.SC2", phoneNumberId: RelayTestData.Central));
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == "wamid.SC2"), "the reused code's message");
        Assert.NotEqual(ticketId, await db.Messages.Where(m => m.Wamid == "wamid.SC2").Select(m => m.TicketId).SingleAsync());

        // From now on the customer is answered on WhatsApp, at the WhatsApp account that sent the code.
        var sms = app.SmsApi.Requests.Count;
        var reply = await app.Get<BowInbox.Web.Inbox.ReplySender>().ReplyAsync(ticketId, "We are on it", new BowInbox.Web.Inbox.StaffAuthor("staff", "Intake"));
        Assert.Equal(BowInbox.Web.Inbox.ReplyOutcome.Queued, reply.Outcome);
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == CustomerOnWhatsApp && r.Text == "We are on it"), "the reply on WhatsApp");
        Assert.Equal(sms, app.SmsApi.Requests.Count(r => r.Body != "We are on it"));
        Assert.DoesNotContain(app.SmsApi.Requests, r => r.Body == "We are on it");
    }

    private static void AssertNone(IEnumerable<string> numbers, string text, string where)
    {
        foreach (var number in numbers)
        {
            Assert.False(text.Contains(number, StringComparison.OrdinalIgnoreCase), $"{where} contains {number}: {text}");
        }
    }
}
