namespace BowInbox.Core.Sla;

/// <summary>
/// One target's clock on one ticket. <see cref="MetAt"/> is when the clock stopped: its stop event or the ticket's
/// resolution, whichever came first; a MetAt at or after <see cref="DueAt"/> was met late. Nothing is set for a
/// clock that has not started.
/// </summary>
public sealed record SlaDue(
    SlaTargetKind Kind,
    DateTime? StartedAt,
    DateTime? WarnAt,
    DateTime? DueAt,
    DateTime? MetAt,
    bool Running,
    SlaBreachAction Actions);
