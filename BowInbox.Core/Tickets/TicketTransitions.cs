namespace BowInbox.Core.Tickets;

/// <summary>The ticket lifecycle: New → Qualified → Offered → Assigned → Resolved → Closed, with Requeued and Escalated on the side.</summary>
public static class TicketTransitions
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Qualified, TicketStatus.Offered, TicketStatus.Assigned, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.Qualified] = [TicketStatus.Offered, TicketStatus.Assigned, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.Offered] = [TicketStatus.Assigned, TicketStatus.Requeued, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.Assigned] = [TicketStatus.Resolved, TicketStatus.Requeued, TicketStatus.Escalated],
        [TicketStatus.Requeued] = [TicketStatus.Offered, TicketStatus.Assigned, TicketStatus.Escalated, TicketStatus.Resolved],
        [TicketStatus.Escalated] = [TicketStatus.Qualified, TicketStatus.Offered, TicketStatus.Assigned, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.New],
        [TicketStatus.Closed] = [],
    };

    public static IReadOnlyList<TicketStatus> From(TicketStatus status) => Allowed[status];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);

    /// <summary>
    /// The moves staff may pick by hand. Offered and Assigned are not among them: a ticket is offered by offering it to
    /// a technician and assigned by assigning one (which briefs him and opens the relay); moved there by hand it would
    /// claim a technician nobody has.
    /// </summary>
    public static IReadOnlyList<TicketStatus> ManualMoves(TicketStatus status)
        => Allowed[status].Where(s => s is not (TicketStatus.Offered or TicketStatus.Assigned)).ToList();

    /// <summary>Open tickets collect new customer messages; resolved and closed ones do not.</summary>
    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);
}
