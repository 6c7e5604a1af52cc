namespace BowInbox.Core.Channel;

/// <summary>
/// One WhatsApp send, written in the same transaction as the change that caused it and sent later
/// by the outbox sender. The recipient is stored protected, never in clear.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Our sending number (phone_number_id).</summary>
    public string FromPhoneNumberId { get; set; } = "";

    public string ToProtected { get; set; } = "";

    /// <summary>
    /// The recipient's keyed hash, which keeps a recipient's messages in order: a row waiting for a retry, or being sent,
    /// holds back the later rows from the same number to the same recipient. Null where order does not matter (read receipts).
    /// </summary>
    public string? RecipientHash { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The Graph API request body without <c>to</c>, which is added at send time.</summary>
    public string PayloadJson { get; set; } = "";

    /// <summary>The stored message this send delivers, whose status and wamid it updates.</summary>
    public long? MessageId { get; set; }

    /// <summary>
    /// The stored message, set instead of <see cref="MessageId"/> when it is saved in the same unit of work (a relayed
    /// message is stored and passed on before either has an id).
    /// </summary>
    public BowInbox.Core.Messaging.Message? Message { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>Claim lease: a worker owns the row until this time, so two workers never send it twice.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public string? Wamid { get; set; }

    public int? LastErrorCode { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}

public enum OutboxKind
{
    Text = 0,
    Interactive = 1,
    Template = 2,
    MarkRead = 3,
    Media = 4,
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
}
