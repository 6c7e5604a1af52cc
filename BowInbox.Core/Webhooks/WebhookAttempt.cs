namespace BowInbox.Core.Webhooks;

/// <summary>One try at a delivery, for the delivery log on the admin page.</summary>
public class WebhookAttempt
{
    public const int MaxErrorLength = 500;

    public long Id { get; set; }

    public long DeliveryId { get; set; }

    public int SubscriptionId { get; set; }

    public int Attempt { get; set; }

    public DateTime At { get; set; }

    /// <summary>The receiver's HTTP status; null when no answer came (timeout, refused connection).</summary>
    public int? StatusCode { get; set; }

    public int LatencyMs { get; set; }

    public string? Error { get; set; }
}
