using BowInbox.Core.Alerts;
using BowInbox.Core.Review;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Review;

/// <summary>
/// Every minute: a held item still waiting past its due time raises one "held review overdue" alert in the alert
/// centre. Each item is claimed by a conditional update, so two runs at once alert once.
/// </summary>
public sealed class HeldReviewOverdueJob(IDbContextFactory<InboxDbContext> contexts, InboxEvents events, TimeProvider time)
{
    public const string JobId = "held-review-overdue";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var overdue = await db.HeldItems.AsNoTracking().Where(h => h.Status == HeldStatus.Waiting && h.DueAt <= now && h.OverdueAlertedAt == null)
            .OrderBy(h => h.DueAt).Select(h => new { h.Id, h.TicketId, h.ProviderId, h.Reason, h.Sender, h.HeldAt }).Take(200).ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var item in overdue)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.HeldItems.Where(h => h.Id == item.Id && h.Status == HeldStatus.Waiting && h.OverdueAlertedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.OverdueAlertedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var minutes = (int)(now - item.HeldAt).TotalMinutes;
            var side = item.Sender == BowInbox.Core.Scanning.SenderKind.Customer ? "customer" : "provider";
            var alert = await SupervisorAlerts.RaiseAsync(
                db, SupervisorAlertKind.HeldReviewOverdue, $"held-overdue:{item.Id}", item.TicketId, item.ProviderId,
                $"A {HeldItems.Thing(item.Reason)} from the {side} on job #{item.TicketId} has waited {minutes} minutes for review.", now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (alert is not null)
            {
                raised++;
                await events.PublishAsync(alert);
            }
        }

        return raised;
    }
}
