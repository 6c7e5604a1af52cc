namespace BowInbox.Core.Channel;

/// <summary>
/// An inbound message that is not (yet) part of a customer conversation: one that arrived on a
/// provider-pool number, or on a number we do not own. Kept, never dropped, for the relay to pick up.
/// </summary>
public class UnroutedMessage
{
    public long Id { get; set; }

    public string Wamid { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    public string FromHash { get; set; } = "";

    public string FromProtected { get; set; } = "";

    public string Type { get; set; } = "";

    public string? Text { get; set; }

    public string? ContextWamid { get; set; }

    /// <summary>The message as Meta sent it (one element of <c>messages[]</c>), for the relay to act on later.</summary>
    public string RawJson { get; set; } = "";

    public UnroutedReason Reason { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? HandledAt { get; set; }
}

public enum UnroutedReason
{
    ProviderPool = 0,
    UnknownNumber = 1,

    /// <summary>A supervisor's command (such as /audit_session) on the central number; answered at once, kept so its wamid is processed once.</summary>
    SupervisorCommand = 2,

    /// <summary>A WhatsApp system message that the sender changed number or BSUID: the contact was re-keyed; kept so it is applied once.</summary>
    IdentityChange = 3,
}
