using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Core.Webhooks;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.OutgoingWebhooks;

public sealed class WebhookJourneyTests
{
    private const string CustomerOwnNumber = "15550123456";

    [Fact]
    public async Task A_whole_job_reaches_the_subscriber_once_in_order_signed_and_without_identifiers()
    {
        await using var hooks = new WebhookApp(new FakeTimeProvider(DateTimeOffset.UtcNow), new WebhookReceiver());
        var app = hooks.App;
        var (subscriptionId, secret) = await hooks.SubscribeAsync([.. WebhookEventTypes.All.Select(e => e.Type)]);
        var http = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, $"burst pipe under the sink, downtown. Call me on {CustomerOwnNumber} or maria.lopez@example.com"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer to reach a technician");
        var offer = app.Graph.Requests.First(r => RoutingApp.PoolNumbers.Contains(r.PhoneNumberId));
        await Webhooks.PostSignedAsync(http, Webhooks.Text(offer.To!, "/accept", phoneNumberId: offer.PhoneNumberId, profileName: "Tech"));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.ClosedAt == null), "the relay to open");
        var session = await db.RelaySessions.AsNoTracking().SingleAsync();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, "the door code is 4411"));
        await Webhooks.PostSignedAsync(http, Webhooks.Text(offer.To!, "on my way", phoneNumberId: session.PoolPhoneNumberId, profileName: "Tech"));
        await Webhooks.PostSignedAsync(http, Webhooks.Text(offer.To!, "/done", phoneNumberId: session.PoolPhoneNumberId, profileName: "Tech"));
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == session.TicketId && t.Status == TicketStatus.Resolved), "the job to be resolved");

        var written = await db.WebhookEvents.AsNoTracking().Where(e => e.TicketId == session.TicketId).OrderBy(e => e.Id).Select(e => new { e.EventId, e.Type }).ToListAsync();
        await Eventually.TrueAsync(() => hooks.Receiver.Of(session.TicketId).Count >= written.Count, $"{written.Count} events to arrive", timeoutMs: 20_000);

        // Events written after the job was resolved (a late notice) may follow; the job's own arrive first, each once.
        var received = hooks.Receiver.Of(session.TicketId);
        Assert.Equal(written.Select(e => e.EventId), received.Take(written.Count).Select(r => r.EventId));
        Assert.Equal(received.Count, received.Select(r => r.EventId).Distinct().Count());
        foreach (var type in new[]
        {
            WebhookEventTypes.TicketCreated, WebhookEventTypes.TicketOffered, WebhookEventTypes.TicketAccepted, WebhookEventTypes.SessionOpened,
            WebhookEventTypes.MessageCreated, WebhookEventTypes.TicketResolved, WebhookEventTypes.SessionClosed,
        })
        {
            Assert.Contains(received, r => r.Type == type);
        }

        var types = received.Select(r => r.Type).ToList();
        Assert.Equal(WebhookEventTypes.TicketCreated, types[0]);
        Assert.True(types.IndexOf(WebhookEventTypes.TicketOffered) < types.IndexOf(WebhookEventTypes.TicketAccepted));
        Assert.True(types.IndexOf(WebhookEventTypes.TicketAccepted) < types.IndexOf(WebhookEventTypes.TicketResolved));
        Assert.Single(received, r => r.Type == WebhookEventTypes.TicketAccepted);
        Assert.All(received, r => Assert.True(r.SignedWith(secret, hooks.Clock.GetUtcNow()), $"{r.Type} is not signed with the subscription's secret"));
        Assert.All(received, r => Assert.Equal(WebhookApp.ReceiverUrl, r.Url));

        var customer = await db.Contacts.AsNoTracking().SingleAsync();
        Assert.Contains(received, r => r.Body.Contains(customer.Alias, StringComparison.Ordinal));
        var texts = received.Where(r => r.Type == WebhookEventTypes.MessageCreated)
            .Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!["data"]!["message"]!["text"]?.GetValue<string>()).ToList();
        Assert.Contains(texts, t => t?.Contains("Call me on [number ••56] or m•••@example.com", StringComparison.Ordinal) == true);
        foreach (var identifier in new[] { RoutingApp.Customer, RoutingApp.TomWaId, RoutingApp.AnaWaId, CustomerOwnNumber, "maria.lopez@example.com" })
        {
            Assert.All(received, r => Assert.DoesNotContain(identifier, r.Body));
        }

        Assert.All(await db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId).ToListAsync(), d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
        Assert.True(await db.WebhookAttempts.CountAsync(a => a.SubscriptionId == subscriptionId && a.StatusCode == 200) >= written.Count);
    }

    [Fact]
    public async Task Delivery_killed_after_the_receiver_got_an_event_loses_nothing_and_repeats_only_that_event()
    {
        var receiver = new WebhookReceiver();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string folder;
        int ticketId;
        await using (var first = new WebhookApp(clock, receiver))
        {
            first.App.KeepFolder = true;
            folder = first.App.Folder;
            await first.SubscribeAsync(WebhookEventTypes.TicketCreated, WebhookEventTypes.MessageCreated);
            receiver.HoldNext();
            var held = receiver.Held!.Task;
            ticketId = await ChannelTestDataFor(first.App, "my sink is leaking");
            await held.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Single(receiver.Received);
        var cutOff = receiver.Received.Single();

        // The dead server's claim runs out after its lease; the next server sends what is left, the cut-off one again.
        clock.Advance(TimeSpan.FromMinutes(2));
        await using var second = new WebhookApp(clock, receiver, folder);
        await using var db = second.App.CreateDbContext();
        var written = await db.WebhookEvents.AsNoTracking()
            .Where(e => e.TicketId == ticketId && (e.Type == WebhookEventTypes.TicketCreated || e.Type == WebhookEventTypes.MessageCreated))
            .OrderBy(e => e.Id).Select(e => e.EventId).ToListAsync();
        Assert.True(written.Count >= 2, "a new conversation writes ticket.created and message.created");
        await Eventually.TrueAsync(() => receiver.Of(ticketId).Count >= written.Count + 1, "every event to arrive after the restart", timeoutMs: 20_000);

        // Intake goes on on the second server, so more events may follow those written before the restart.
        var arrived = receiver.Of(ticketId).Select(r => r.EventId).ToList();
        Assert.Equal([cutOff.EventId, .. written], arrived.Take(written.Count + 1));
        Assert.Equal(cutOff.EventId, written[0]);
        Assert.Equal(arrived.Count - 1, arrived.Distinct().Count());
    }

    private static Task<int> ChannelTestDataFor(RoutingApp app, string text) => Channel.ChannelTestData.CustomerWroteAsync(app, text);
}
