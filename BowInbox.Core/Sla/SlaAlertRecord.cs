using BowInbox.Core.Alerts;

namespace BowInbox.Core.Sla;

/// <summary>
/// A raised SLA warning or breach. Unique per (ticket, target, level, due time): that index is what
/// makes overlapping or restarted job runs raise each alert exactly once.
/// </summary>
public class SlaAlertRecord : IAcknowledgeable
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public SlaTargetKind Kind { get; set; }

    public SlaAlertLevel Level { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>Who was responsible when it was raised (provider or assignee), for the alert centre.</summary>
    public string? Responsible { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgeNote { get; set; }
}
