using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;

namespace BowInbox.Web.Inbox;

/// <summary>
/// What the inbox shows of a ticket in the list. Never a phone number: customers are an alias and a first name.
/// The SLA fields are the nearest running clock (null when none runs), from which the chip counts down.
/// </summary>
public sealed record TicketRow(
    int Id,
    string CustomerAlias,
    string CustomerFirstName,
    string? LastMessagePreview,
    string Channel,
    TicketStatus Status,
    string? GroupName,
    string? AssigneeName,
    string? ProviderName,
    int UnreadCount,
    DateTime LastActivityAt,
    DateTime? WaitingSince,
    BowInbox.Core.Sla.SlaTargetKind? SlaKind = null,
    DateTime? SlaWarnAt = null,
    DateTime? SlaDueAt = null,
    bool CustomerPaused = false,
    Urgency Urgency = Urgency.Normal);

/// <summary>
/// One message in a thread as staff see it. <see cref="HasOriginal"/>: the scanner changed it (told to Supervisors and
/// Admins only); the original itself is read only through <see cref="Audit.NumberReveal.RevealOriginalAsync"/>.
/// </summary>
public sealed record ThreadMessage(
    long Id,
    MessageDirection Direction,
    string AuthorName,
    string Type,
    string? Text,
    bool HasOriginal,
    DeliveryStatus Status,
    int? ErrorCode,
    string? ErrorTitle,
    string? MediaMimeType,
    string? Caption,
    double? Latitude,
    double? Longitude,
    string? LocationName,
    DateTime CreatedAt)
{
    /// <summary>The words read from the message's file, masked; null when none were read.</summary>
    public string? MediaText { get; init; }

    /// <summary>Where the app's copy of the message's file stands; null for a message without one (or one received before copies were kept).</summary>
    public MediaState? Media { get; init; }

    /// <summary>Who sent it to whom; null when the thread was read without its ticket's context.</summary>
    public MessageParties? Parties { get; init; }

    /// <summary>The approved template it went out as (outside the 24-hour window), which is what the recipient read.</summary>
    public SentTemplate? Template { get; init; }
}

/// <summary>The app's copy of a message's file: stored, being fetched, or not fetched (then staff may retry).</summary>
public sealed record MediaState(MediaItemStatus Status, int Attempts)
{
    /// <summary>At least one download failed and the file is not stored: the thread says so and offers Retry.</summary>
    public bool CouldNotFetch => Status == MediaItemStatus.Failed || Status == MediaItemStatus.Pending && Attempts > 0;
}

/// <summary>The latest messages of a thread, in order; <paramref name="HasOlder"/> when more came before them.</summary>
public sealed record ThreadPage(IReadOnlyList<ThreadMessage> Messages, bool HasOlder);

public sealed record TimelineEntry(DateTime At, string Kind, string Detail, string? Actor);

public sealed record TicketDetails(
    TicketRow Row,
    string? ServiceType,
    string? Area,
    Urgency Urgency,
    int? GroupId,
    string? AssigneeUserId,
    string? Notes,
    bool WindowOpen,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The technician a pending offer waits on (first name), and when it runs out.</summary>
    public string? OfferedTo { get; init; }

    public DateTime? OfferExpiresAt { get; init; }

    /// <summary>When the technician doing the job took it (his first relay session on it); null while nobody has it.</summary>
    public DateTime? TechnicianSince { get; init; }

    /// <summary>The ticket was offered to someone at least once.</summary>
    public bool OffersMade { get; init; }

    /// <summary>The marketplace's ids for the ticket ("booking BK-1001"), oldest first.</summary>
    public IReadOnlyList<string> ExternalReferences { get; init; } = [];

    /// <summary>The arrival window the technician confirmed, as the customer was told it; null when none yet.</summary>
    public string? ArrivalWindow { get; init; }
}

public enum InboxFilter
{
    AllOpen = 0,
    Mine = 1,
    Unassigned = 2,
    Resolved = 3,
}

/// <summary>The list's order: latest activity first, or the SLA due soonest first (tickets without a running clock last).</summary>
public enum InboxSort
{
    Recent = 0,
    DueSoonest = 1,
}

public sealed record InboxPage(IReadOnlyList<TicketRow> Rows, int TotalCount);
