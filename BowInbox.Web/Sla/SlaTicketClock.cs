using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Web.Sla;

/// <summary>A ticket's SLA facts as read from the database, and what its clocks say.</summary>
public sealed record SlaTicketSnapshot(
    int Id,
    TicketStatus Status,
    int? GroupId,
    Urgency Urgency,
    SlaTicketFacts Facts,
    SlaTargetKind? SlaKind,
    DateTime? SlaWarnAt,
    DateTime? SlaDueAt);

/// <summary>The nearest running clock, as stored on the ticket for the inbox chip and the monitor.</summary>
public sealed record SlaNearest(SlaTargetKind? Kind, DateTime? WarnAt, DateTime? DueAt)
{
    public static readonly SlaNearest None = new(null, null, null);
}

public static class SlaTicketClock
{
    /// <summary>A closed or resolved ticket runs no clock, whatever its facts say; an offer's clock runs only while the ticket is offered.</summary>
    public static IReadOnlyList<SlaDue> Dues(SlaTicketSnapshot ticket, SlaPolicy? policy) =>
        policy is null || !TicketTransitions.IsOpen(ticket.Status)
            ? []
            : SlaClock.WithoutEndedOffer(SlaClock.Compute(policy, ticket.Facts), ticket.Status == TicketStatus.Offered);

    /// <summary>The running clock due soonest, independent of the time now.</summary>
    public static SlaNearest Nearest(IReadOnlyList<SlaDue> dues) =>
        dues.Where(d => d is { Running: true, DueAt: not null })
            .OrderBy(d => d.DueAt).ThenBy(d => d.Kind)
            .Select(d => new SlaNearest(d.Kind, d.WarnAt, d.DueAt))
            .FirstOrDefault() ?? SlaNearest.None;

    public static bool IsStored(SlaTicketSnapshot ticket, SlaNearest nearest) =>
        ticket.SlaKind == nearest.Kind && Same(ticket.SlaWarnAt, nearest.WarnAt) && Same(ticket.SlaDueAt, nearest.DueAt);

    // Stored values come back without a kind and rounded by some providers; a millisecond apart is the same time.
    private static bool Same(DateTime? stored, DateTime? computed) =>
        stored is null == computed is null
        && (stored is null || Math.Abs((stored.Value - computed!.Value).TotalMilliseconds) < 1);
}
