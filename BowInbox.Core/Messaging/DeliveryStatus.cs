namespace BowInbox.Core.Messaging;

/// <summary>Outbound delivery state. Values are ordered: a status only ever moves to a higher one.</summary>
public enum DeliveryStatus
{
    None = 0,
    Pending = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 5,
}

public static class DeliveryStatusRules
{
    /// <summary>WhatsApp delivers statuses out of order; a late "delivered" must not undo "read".</summary>
    public static DeliveryStatus Advance(DeliveryStatus current, DeliveryStatus incoming)
        => incoming > current ? incoming : current;
}
