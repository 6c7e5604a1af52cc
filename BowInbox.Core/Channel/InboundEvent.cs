namespace BowInbox.Core.Channel;

/// <summary>A signed webhook body exactly as received; processed after the 200 has gone back to Meta.</summary>
public class InboundEvent
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string Payload { get; set; } = "";

    /// <summary>
    /// SHA-256 of the body as received (hex): a delivery Meta repeats is recognised and not stored again while the
    /// first is kept. Null for rows from before it existed.
    /// </summary>
    public string? DeliveryHash { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
