using BowInbox.Core.Webhooks;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Webhooks;

/// <summary>
/// Turns new events into one delivery per subscription that wants them, oldest first, building each body once. Two
/// servers fanning out the same events collide on the (subscription, event) unique index: one commits, the other
/// rolls back and finds them done on its next pass.
/// </summary>
public sealed class WebhookFanOut(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, TimeProvider time, ILogger<WebhookFanOut> logger)
{
    public const int BatchSize = 100;

    /// <returns>How many events were fanned out.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var batch = await db.WebhookEvents.Where(e => e.FannedOutAt == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        var wantedTypes = subscriptions.SelectMany(s => s.Types).ToHashSet();
        await WebhookPayloads.BuildAsync(db, batch.Where(e => wantedTypes.Contains(e.Type)).ToList(), cancellationToken);
        foreach (var e in batch)
        {
            e.FannedOutAt = now;
            var wanted = subscriptions.Where(s => s.Types.Contains(e.Type)).ToList();
            foreach (var subscription in wanted)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery { SubscriptionId = subscription.Id, EventId = e.Id, TicketId = e.TicketId, CreatedAt = now, NextAttemptAt = now });
            }

            // Nobody wanted it: kept, it would only grow the table (every message writes one).
            if (wanted.Count == 0)
            {
                db.WebhookEvents.Remove(e);
            }
        }

        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Another server fanned out the same events first");
            return 0;
        }

        return batch.Count;
    }
}
