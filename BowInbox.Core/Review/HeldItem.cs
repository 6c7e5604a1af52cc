using BowInbox.Core.Channel;
using BowInbox.Core.Scanning;

namespace BowInbox.Core.Review;

/// <summary>Why a message waits for a supervisor instead of crossing the relay. Stored values never change.</summary>
public enum HeldReason
{
    /// <summary>A file the scanner could not read (no OCR, no speech endpoint, a timeout, an unknown type).</summary>
    UnscannableMedia = 0,

    /// <summary>The sender is paused for repeated contact-leak attempts: their messages wait for a supervisor.</summary>
    SenderPaused = 1,
}

public enum HeldStatus
{
    Waiting = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A relayed message held for review (<c>/supervisor/held</c>). It keeps what would have been sent, ready to queue on
/// approval: the payload (encrypted, it may carry a caption or text) and both sides' recipients (numbers encrypted,
/// found by keyed hash, as everywhere). Approval and rejection are a one-way change from <see cref="HeldStatus.Waiting"/>,
/// so a double click or a retried job relays it once.
/// </summary>
public class HeldItem
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    /// <summary>The stored message that was held.</summary>
    public long MessageId { get; set; }

    public SenderKind Sender { get; set; }

    public int? ProviderId { get; set; }

    public HeldReason Reason { get; set; }

    /// <summary>Why, in words with no content of the file or message (for example "tesseract is not installed").</summary>
    public string Detail { get; set; } = "";

    public HeldStatus Status { get; set; }

    public DateTime HeldAt { get; set; }

    /// <summary>When the review is due (<c>Sla:HeldReviewMinutes</c> after it was held).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the overdue alert was raised; null until then.</summary>
    public DateTime? OverdueAlertedAt { get; set; }

    /// <summary>Our number the approved message goes out from, and to whom (encrypted number and its keyed hash).</summary>
    public string SendFrom { get; set; } = "";

    public string SendToProtected { get; set; } = "";

    public string SendToHash { get; set; } = "";

    public OutboxKind PayloadKind { get; set; }

    /// <summary>The outbox payload, encrypted.</summary>
    public string PayloadProtected { get; set; } = "";

    /// <summary>A template payload for a closed 24-hour window, encrypted; null when there is none.</summary>
    public string? FallbackProtected { get; set; }

    /// <summary>Our number the sender wrote to, and the sender (encrypted), to tell them of a rejection.</summary>
    public string SenderFrom { get; set; } = "";

    public string SenderProtected { get; set; } = "";

    public string SenderHash { get; set; } = "";

    public string? MediaId { get; set; }

    public string? MediaMimeType { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
