using BowInbox.Web.Inbox;

namespace BowInbox.Web.Audit;

/// <summary>
/// A ticket's complete session as supervisors audit it. Number-free by construction: customers are an
/// alias and a first name, pool numbers are our own display numbers, and every text is passed through
/// <see cref="BowInbox.Core.Audit.NumberMask"/>.
/// </summary>
public sealed record Transcript(
    TranscriptTicket Ticket,
    IReadOnlyList<TranscriptMessage> Messages,
    IReadOnlyList<TranscriptOffer> Offers,
    IReadOnlyList<TranscriptRelaySession> RelaySessions,
    IReadOnlyList<TranscriptSlaTarget> SlaTargets,
    IReadOnlyList<TranscriptSlaAlert> SlaAlerts,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public int ViolationCount => Messages.Sum(m => m.Violations.Count) + UnattachedViolations.Count;

    /// <summary>How many messages the session has; more than <see cref="Messages"/> holds when the page shows the first ones.</summary>
    public int MessageTotal { get; init; }

    public bool HasMoreMessages => MessageTotal > Messages.Count;

    /// <summary>Violations on messages that were blocked and so never stored as sent.</summary>
    public IReadOnlyList<TranscriptViolation> UnattachedViolations { get; init; } = [];
}

public sealed record TranscriptTicket(
    int Id,
    string CustomerAlias,
    string CustomerFirstName,
    string Status,
    string? ServiceType,
    string? Area,
    string Urgency,
    string? Group,
    string? Provider,
    string? Assignee,
    DateTime CreatedAt,
    DateTime? FirstHumanReplyAt,
    DateTime? OfferedAt,
    DateTime? AcceptedAt,
    DateTime? ProviderFirstMessageAt,
    DateTime? ResolvedAt,
    string? RoutingExplanation)
{
    /// <summary>The marketplace's ids for the ticket ("booking BK-1001"), oldest first.</summary>
    public IReadOnlyList<string> ExternalReferences { get; init; } = [];
}

public sealed record TranscriptMessage(
    long Id,
    DateTime At,
    BowInbox.Core.Messaging.MessageDirection Direction,
    string Author,
    string Type,
    string? Text,
    string? OriginalText,
    string DeliveryStatus,
    int? ErrorCode,
    string? ErrorTitle,
    IReadOnlyList<TranscriptDelivery> Deliveries,
    IReadOnlyList<TranscriptViolation> Violations);

public sealed record TranscriptDelivery(string Status, DateTime At, int? ErrorCode);

public sealed record TranscriptViolation(long? MessageId, string Kind, string Action, string Sender, string? Provider, string Found, DateTime At);

public sealed record TranscriptOffer(string Provider, string? Group, string Status, int Attempt, string? PoolNumber, DateTime OfferedAt, DateTime ExpiresAt, DateTime? RespondedAt);

public sealed record TranscriptRelaySession(string Provider, string PoolNumber, DateTime OpenedAt, DateTime? ClosedAt, string? CloseReason);

/// <summary>One SLA target's outcome: met (when), breached, or still running.</summary>
public sealed record TranscriptSlaTarget(string Target, string Outcome, DateTime? MetAt);

public sealed record TranscriptSlaAlert(string Target, string Level, DateTime DueAt, DateTime RaisedAt, string? AcknowledgedBy, DateTime? AcknowledgedAt, string? AcknowledgeNote);
