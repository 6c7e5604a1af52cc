namespace BowInbox.Core.Alerts;

/// <summary>What happened that a supervisor must look at (SLA warnings and breaches are <c>SlaAlertRecord</c>s).</summary>
public enum SupervisorAlertKind
{
    /// <summary>A message was relayed but flagged by the content policy (e.g. "pay me cash directly").</summary>
    ContentFlagged = 0,

    /// <summary>A provider crossed the contact-leak threshold and was paused automatically.</summary>
    ProviderPaused = 1,

    /// <summary>Nobody could take a ticket (attempt limit reached, nobody eligible, no group or pool number).</summary>
    TicketEscalated = 2,

    /// <summary>A message or file waits for review in <c>/supervisor/held</c>.</summary>
    HeldForReview = 3,

    /// <summary>A held message's review is past its time (<c>Sla:HeldReviewMinutes</c>).</summary>
    HeldReviewOverdue = 4,

    /// <summary>A customer crossed the repeat-offender threshold: their messages are held, not relayed, until a supervisor lifts the pause.</summary>
    CustomerPaused = 5,

    /// <summary>Meta restricted one of our numbers (131048 spam rate limit, 368 policy block): sending from it stopped. Not about a ticket (<see cref="SupervisorAlert.TicketId"/> is null).</summary>
    SendingStopped = 6,

    /// <summary>An outgoing-event subscription kept failing and was disabled. Not about a ticket.</summary>
    WebhookDisabled = 7,

    /// <summary>A customer rated a resolved job 1 or 2 of 5 (<c>CsatSurvey</c>).</summary>
    LowRating = 8,
}

/// <summary>
/// A durable alert for supervisors, written in the same transaction as the event that caused it. <see cref="Key"/>
/// is unique, so processing the same event twice cannot raise the alert twice. <see cref="Summary"/> names people by
/// alias and display name only: never a phone number, never the flagged text itself.
/// </summary>
public class SupervisorAlert : IAcknowledgeable
{
    public const int MaxSummaryLength = 500;

    public long Id { get; set; }

    public SupervisorAlertKind Kind { get; set; }

    public string Key { get; set; } = "";

    /// <summary>The ticket the alert is about; null for an alert about one of our numbers.</summary>
    public int? TicketId { get; set; }

    public int? ProviderId { get; set; }

    public string Summary { get; set; } = "";

    public DateTime RaisedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgeNote { get; set; }
}
