using BowInbox.Core.Webhooks;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Webhooks;

/// <summary>A claimed delivery with what sending it needs.</summary>
public sealed record ClaimedDelivery(long Id, string Claim, int SubscriptionId, string Url, string SecretProtected, string EventId, string Type, string Body, int Attempts, DateTime CreatedAt);

/// <summary>
/// Claims due deliveries with one conditional UPDATE, so two senders never hold the same one. A delivery is due only
/// when no earlier event of its ticket is still on its way to the same subscription (pending or being sent): a
/// ticket's events arrive in order, each after the one before succeeded or was dead-lettered. A claim whose sender died
/// runs out after the lease and the delivery goes again (at least once: the receiver de-duplicates on the event id).
/// </summary>
public sealed class WebhookDeliveryClaims(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, TimeProvider time, TimeSpan lease)
{
    private readonly string ownClaims = Guid.NewGuid().ToString("N")[..16] + "-";

    public async Task<List<ClaimedDelivery>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Sending && d.LockedUntil < now)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.LockedBy, (string?)null).SetProperty(d => d.LockedUntil, (DateTime?)null), cancellationToken);
        }

        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                && db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Enabled)
                && (d.TicketId == null || !db.WebhookDeliveries.Any(o => o.SubscriptionId == d.SubscriptionId && o.TicketId == d.TicketId && o.EventId < d.EventId
                    && (o.Status == WebhookDeliveryStatus.Pending || o.Status == WebhookDeliveryStatus.Sending))))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(max).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var claim = ownClaims + Guid.NewGuid().ToString("N");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.WebhookDeliveries.Where(d => due.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Sending).SetProperty(d => d.LockedBy, claim).SetProperty(d => d.LockedUntil, now + lease), cancellationToken);
        }

        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.LockedBy == claim && d.Status == WebhookDeliveryStatus.Sending)
            .Join(db.WebhookSubscriptions, d => d.SubscriptionId, s => s.Id, (d, s) => new { d, s })
            .OrderBy(x => x.d.Id)
            .Select(x => new ClaimedDelivery(x.d.Id, claim, x.s.Id, x.s.Url, x.s.SecretProtected, x.d.Event!.EventId, x.d.Event.Type, x.d.Event.PayloadJson!, x.d.Attempts, x.d.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
