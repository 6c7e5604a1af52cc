using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

public sealed record SlaMonitorResult(int TicketsChecked, int ClocksRecomputed, int AlertsRaised);

/// <summary>
/// The recurring SLA check (Hangfire id <see cref="JobId"/>, every minute). It goes through the open tickets in
/// batches, repairs any stored clock an event missed, and raises the warnings and breaches that are due. Safe to
/// run twice at once or again after a restart: <see cref="SlaAlertRaiser"/> raises each alert once.
/// </summary>
public sealed class SlaMonitorJob(
    IDbContextFactory<InboxDbContext> contexts,
    SlaPolicyResolver resolver,
    SlaAlertRaiser raiser,
    InboxEvents events,
    TimeProvider time)
{
    public const string JobId = "sla-monitor";
    public const int BatchSize = 500;

    public async Task<SlaMonitorResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var policies = resolver.Parse(await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken));
        var (checkedCount, recomputed, raised, afterId) = (0, 0, 0, 0);
        while (true)
        {
            // Closed tickets still holding a clock are included so that it is cleared.
            var batch = await SlaClockRecalculator.Snapshots(db, db.Tickets
                    .Where(t => t.Id > afterId && ((t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed) || t.SlaDueAt != null))
                    .OrderBy(t => t.Id)
                    .Take(BatchSize))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new SlaMonitorResult(checkedCount, recomputed, raised);
            }

            foreach (var ticket in batch)
            {
                var dues = SlaTicketClock.Dues(ticket, SlaPolicyResolver.Resolve(policies, ticket.GroupId, ticket.Urgency));
                if (await SlaClockRecalculator.StoreAsync(db, ticket, SlaTicketClock.Nearest(dues), cancellationToken))
                {
                    recomputed++;
                    await events.PublishAsync(new TicketChanged(ticket.Id, SlaClockUpdater.ClockChanged));
                }

                if (SlaAlertDecision.Due(dues, now, new HashSet<(SlaTargetKind, SlaAlertLevel)>()).Count > 0)
                {
                    raised += await raiser.RaiseDueAsync(ticket.Id, dues, now, cancellationToken);
                }
            }

            checkedCount += batch.Count;
            afterId = batch[^1].Id;
        }
    }
}
