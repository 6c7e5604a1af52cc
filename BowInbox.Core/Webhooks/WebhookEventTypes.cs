namespace BowInbox.Core.Webhooks;

/// <summary>The events an Admin can subscribe a URL to, as they appear in a payload's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string TicketCreated = "ticket.created";
    public const string TicketQualified = "ticket.qualified";
    public const string TicketOffered = "ticket.offered";
    public const string TicketAccepted = "ticket.accepted";
    public const string TicketEscalated = "ticket.escalated";
    public const string TicketResolved = "ticket.resolved";
    public const string SessionOpened = "session.opened";
    public const string SessionClosed = "session.closed";
    public const string MessageCreated = "message.created";
    public const string ViolationRecorded = "violation.recorded";
    public const string ProviderPaused = "provider.paused";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";
    public const string CsatReceived = "csat.received";

    /// <summary>Sent only to the subscription an Admin tests; nobody subscribes to it.</summary>
    public const string Ping = "ping";

    /// <summary>Every subscribable event with what it means, in the order the admin page lists them.</summary>
    public static readonly IReadOnlyList<(string Type, string Meaning)> All =
    [
        (TicketCreated, "A customer started a new conversation"),
        (TicketQualified, "Service and area are known"),
        (TicketOffered, "The job was offered to a technician"),
        (TicketAccepted, "A technician took the job (accepted, or assigned by staff)"),
        (TicketEscalated, "Routing or an SLA breach escalated the ticket"),
        (TicketResolved, "The job was marked done"),
        (SessionOpened, "A relay between customer and technician opened"),
        (SessionClosed, "A relay closed"),
        (MessageCreated, "A message was stored (text masked)"),
        (ViolationRecorded, "The content policy caught something"),
        (ProviderPaused, "A technician was paused for repeated leak attempts"),
        (SlaWarning, "An SLA target reached its warning point"),
        (SlaBreached, "An SLA target was missed"),
        (CsatReceived, "A customer answered a satisfaction survey (not produced yet: ratings are shown on /supervisor only)"),
    ];

    /// <summary>Events BowInbox does not produce yet; they can be subscribed to ahead of time.</summary>
    public static readonly IReadOnlySet<string> WithoutProducer = new HashSet<string>(StringComparer.Ordinal) { CsatReceived };

    public static bool IsKnown(string type) => All.Any(e => e.Type == type);
}
