using BowInbox.Web.Live;

namespace BowInbox.Web.Sla;

/// <summary>
/// Recomputes a ticket's stored SLA clock after every inbox event (message in or out, offer, acceptance, status
/// change). Publishers only enqueue; when the stored clock changed, a <see cref="TicketChanged"/> tells the live
/// inbox, whose chips then show the new due time. The monitor job repairs anything dropped here.
/// </summary>
public sealed class SlaClockUpdater(InboxEvents events, SlaClockRecalculator recalculator, ILogger<SlaClockUpdater> logger)
    : InboxEventWorker<int>(events, logger, 10_000)
{
    public const string ClockChanged = "sla";

    // Our own "clock changed" event carries no new fact; recomputing it would only confirm what was written.
    protected override bool TrySelect(InboxChange change, out int item)
    {
        item = change.TicketId;
        return change is not TicketChanged { What: ClockChanged };
    }

    protected override bool Distinct => true;

    protected override Task HandleAsync(int item, CancellationToken cancellationToken) => HandleBatchAsync([item], cancellationToken);

    /// <summary>The tickets that queued up together are recomputed with one read and written in one transaction.</summary>
    protected override async Task HandleBatchAsync(IReadOnlyList<int> items, CancellationToken cancellationToken)
    {
        foreach (var ticketId in await recalculator.RecomputeAsync([.. items], cancellationToken))
        {
            await Events.PublishAsync(new TicketChanged(ticketId, ClockChanged));
        }
    }
}
