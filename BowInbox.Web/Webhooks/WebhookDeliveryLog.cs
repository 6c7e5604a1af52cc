using System.Security.Claims;
using BowInbox.Core.Webhooks;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Webhooks;

/// <summary>One try in a subscription's delivery log, with where its delivery stands now.</summary>
public sealed record WebhookLogLine(
    long AttemptId, long DeliveryId, string EventId, string Type, int? TicketId, int Attempt, DateTime At, int? StatusCode, int LatencyMs, string? Error, WebhookDeliveryStatus DeliveryStatus);

/// <summary>
/// A subscription's delivery log for Admins, the Redeliver button (the delivery is queued again, keeping its place in
/// its ticket's order) and the test ping, which goes through the same outbox as every event.
/// </summary>
public sealed class WebhookDeliveryLog(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, AuditLog audit, WebhookSignal signal, TimeProvider time)
{
    public const int Shown = 50;

    public async Task<List<WebhookLogLine>> RecentAsync(ClaimsPrincipal user, int subscriptionId, CancellationToken cancellationToken = default)
    {
        AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await db.WebhookAttempts.AsNoTracking().Where(a => a.SubscriptionId == subscriptionId).OrderByDescending(a => a.Id).Take(Shown)
            .Join(db.WebhookDeliveries, a => a.DeliveryId, d => d.Id, (a, d) => new { a, d })
            .Select(x => new WebhookLogLine(x.a.Id, x.d.Id, x.d.Event!.EventId, x.d.Event.Type, x.d.TicketId, x.a.Attempt, x.a.At, x.a.StatusCode, x.a.LatencyMs, x.a.Error, x.d.Status))
            .ToListAsync(cancellationToken);
        return lines.OrderByDescending(l => l.AttemptId).ToList();
    }

    /// <summary>Queues a delivered or dead-lettered delivery again, with a fresh 24 hours of retries; false when it is still on its way.</summary>
    public async Task<bool> RedeliverAsync(ClaimsPrincipal user, long deliveryId, CancellationToken cancellationToken = default)
    {
        var actor = AdminAccess.Require(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.Include(d => d.Event).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Delivered or WebhookDeliveryStatus.DeadLettered })
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.CreatedAt = now;
        delivery.NextAttemptAt = now;
        delivery.FinishedAt = null;
        await audit.SaveWithAsync(db, new AuditRecord(actor, WebhookSubscriptions.AuditAction, $"webhook:{delivery.SubscriptionId}", $"Redelivery of {delivery.Event!.EventId} ({delivery.Event.Type})"), cancellationToken);
        signal.Notify();
        return true;
    }

    /// <summary>Queues a signed ping to one subscription (it waits while the subscription is off); returns its event id, or null when there is no such subscription.</summary>
    public async Task<string?> SendTestAsync(ClaimsPrincipal user, int subscriptionId, CancellationToken cancellationToken = default)
    {
        AdminAccess.Require(user);
        return await QueueTestAsync(subscriptionId, cancellationToken);
    }

    /// <summary>Queues the signed ping for a caller already authorised elsewhere (an API key of the webhooks scope); <c>null</c> when no such subscription.</summary>
    public async Task<string?> QueueTestAsync(int subscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == subscriptionId, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var ping = new WebhookEvent { EventId = WebhookEvent.NewEventId(), Type = WebhookEventTypes.Ping, CreatedAt = now, FannedOutAt = now };
        ping.PayloadJson = WebhookPayloads.Ping(ping);
        db.WebhookDeliveries.Add(new WebhookDelivery { SubscriptionId = subscriptionId, Event = ping, CreatedAt = now, NextAttemptAt = now });
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        signal.Notify();
        return ping.EventId;
    }
}
