namespace BowInbox.Core.Channel;

/// <summary>A signed webhook body exactly as received; processed after the 200 has gone back to Meta.</summary>
public class InboundEvent
{
    public long Id { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string Payload { get; set; } = "";

    public DateTime? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
