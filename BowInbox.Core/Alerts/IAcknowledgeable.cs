namespace BowInbox.Core.Alerts;

/// <summary>An alert a supervisor acknowledges once, with a note saying what was done.</summary>
public interface IAcknowledgeable
{
    long Id { get; }

    DateTime? AcknowledgedAt { get; set; }

    string? AcknowledgedBy { get; set; }

    string? AcknowledgeNote { get; set; }
}
