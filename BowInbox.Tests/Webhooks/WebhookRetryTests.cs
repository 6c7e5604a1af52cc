using System.Net;
using BowInbox.Core.Alerts;
using BowInbox.Core.Webhooks;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.OutgoingWebhooks;

public sealed class WebhookRetryTests
{
    [Fact]
    public async Task A_failing_event_is_retried_with_back_off_holds_its_tickets_later_events_and_is_dead_lettered_after_24_hours()
    {
        var receiver = new WebhookReceiver { Answer = r => r.Type == WebhookEventTypes.TicketCreated ? HttpStatusCode.InternalServerError : HttpStatusCode.OK };
        await using var hooks = new WebhookApp(new FakeTimeProvider(DateTimeOffset.UtcNow), receiver);
        hooks.App.Settings["Webhooks:DisableAfterDeadLetters"] = "1";
        var (subscriptionId, _) = await hooks.SubscribeAsync(WebhookEventTypes.TicketCreated, WebhookEventTypes.MessageCreated);
        var ticketId = await ChannelTestData.CustomerWroteAsync(hooks.App, "my sink is leaking");
        await using var db = hooks.App.CreateDbContext();

        await Eventually.TrueAsync(async () => await AttemptsAsync(db, subscriptionId) == 1, "the first attempt");
        var first = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.SubscriptionId == subscriptionId && d.Event!.Type == WebhookEventTypes.TicketCreated);
        Assert.Equal(WebhookDeliveryStatus.Pending, first.Status);
        Assert.Equal(hooks.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), first.NextAttemptAt);
        Assert.Equal(500, first.LastStatusCode);

        hooks.Clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => await AttemptsAsync(db, subscriptionId) == 2, "the retry after 30 s");
        var second = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == first.Id);
        Assert.Equal(hooks.Clock.GetUtcNow().UtcDateTime.AddSeconds(60), second.NextAttemptAt);

        // The ticket's message.created waited behind its ticket.created the whole time.
        Assert.All(receiver.Of(ticketId), r => Assert.Equal(WebhookEventTypes.TicketCreated, r.Type));

        hooks.Clock.Advance(TimeSpan.FromHours(25));
        await Eventually.TrueAsync(() => db.WebhookDeliveries.AnyAsync(d => d.Id == first.Id && d.Status == WebhookDeliveryStatus.DeadLettered), "the dead letter");

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId);
        Assert.False(subscription.Enabled);
        Assert.Contains("dead-lettered", subscription.DisabledReason);
        var alert = await db.SupervisorAlerts.AsNoTracking().SingleAsync(a => a.Kind == SupervisorAlertKind.WebhookDisabled);
        Assert.Contains("receiver.example", alert.Summary);
        Assert.DoesNotContain(receiver.Of(ticketId), r => r.Type == WebhookEventTypes.MessageCreated);

        // Turned back on by an admin, the later event goes out.
        await hooks.App.Get<BowInbox.Web.Webhooks.WebhookSubscriptions>().SetEnabledAsync(WebhookApp.Admin, subscriptionId, true);
        await Eventually.TrueAsync(() => receiver.Of(ticketId).Any(r => r.Type == WebhookEventTypes.MessageCreated), "the held message.created after the subscription is back on");
    }

    private static Task<int> AttemptsAsync(BowInbox.Data.InboxDbContext db, int subscriptionId)
        => db.WebhookAttempts.CountAsync(a => a.SubscriptionId == subscriptionId && a.StatusCode == 500);
}
