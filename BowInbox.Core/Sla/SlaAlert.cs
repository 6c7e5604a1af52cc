namespace BowInbox.Core.Sla;

/// <summary>
/// An alert to raise now. <see cref="At"/> is the warning or due time that passed; <see cref="Actions"/> is the
/// target's breach actions for a breach and just <see cref="SlaBreachAction.Alert"/> for a warning.
/// </summary>
public sealed record SlaAlert(SlaTargetKind Kind, SlaAlertLevel Level, DateTime At, SlaBreachAction Actions);
