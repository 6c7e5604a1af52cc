namespace BowInbox.Core.Scanning;

/// <summary>A recorded scan hit, kept for supervisors and for pausing repeat offenders.</summary>
public class PolicyViolation
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    /// <summary>The stored message that carried it; null when the message was blocked and never stored as sent.</summary>
    public long? MessageId { get; set; }

    public ViolationKind Kind { get; set; }

    /// <summary>What was found, as written. It may be a real phone number or email: supervisors only.</summary>
    public string Found { get; set; } = "";

    public PolicyAction Action { get; set; }

    public SenderKind Sender { get; set; }

    public int? ProviderId { get; set; }

    public DateTime At { get; set; }
}
