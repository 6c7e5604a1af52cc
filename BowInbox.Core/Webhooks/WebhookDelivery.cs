namespace BowInbox.Core.Webhooks;

/// <summary>
/// One event on its way to one subscription. A ticket's deliveries to a subscription go in event order: one waits while
/// an earlier one is pending or being sent. Claimed with a lease, so a sender that dies leaves it to the next one.
/// </summary>
public class WebhookDelivery
{
    public long Id { get; set; }

    public int SubscriptionId { get; set; }

    public long EventId { get; set; }

    public WebhookEvent? Event { get; set; }

    /// <summary>The event's ticket, copied here so the order check reads one table.</summary>
    public int? TicketId { get; set; }

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Sending = 1,
    Delivered = 2,
    DeadLettered = 3,
}
