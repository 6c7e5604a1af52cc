using BowInbox.Core.Sla;
using BowInbox.Web.Alerts;

namespace BowInbox.Web.Sla;

/// <summary>
/// An SLA alert as supervisors see it, in the alert centre and over the hub. The customer appears by alias only;
/// <see cref="Responsible"/> is the provider or staff member on the ticket when it was raised.
/// </summary>
public sealed record SlaAlertView(
    long Id,
    int TicketId,
    string CustomerAlias,
    SlaTargetKind Kind,
    SlaAlertLevel Level,
    DateTime DueAt,
    DateTime RaisedAt,
    string? GroupName,
    string? Responsible,
    string? AcknowledgedBy,
    DateTime? AcknowledgedAt,
    string? AcknowledgeNote)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>The ticket's nearest clock is still this alert's target and still runs (it was not met since).</summary>
    public bool ClockRunning { get; init; }

    /// <summary>What the alert is now: a warning whose clock ran past due without being met is a breach.</summary>
    public SlaAlertLevel LevelAt(DateTime now)
        => Level == SlaAlertLevel.Warning && ClockRunning && now >= DateTime.SpecifyKind(DueAt, DateTimeKind.Utc) ? SlaAlertLevel.Breach : Level;
}

public sealed record SlaAlertEvent(AlertChange Change, SlaAlertView Alert);
