namespace BowInbox.Core.Webhooks;

/// <summary>A URL an Admin subscribed to outgoing events, with the secret its deliveries are signed with.</summary>
public class WebhookSubscription
{
    public const int MaxUrlLength = 2000;

    public int Id { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The subscribed event types, space-separated (<see cref="WebhookEventTypes"/>).</summary>
    public string EventTypes { get; set; } = "";

    /// <summary>The signing secret, protected at rest (Data Protection); shown to Admins only on purpose.</summary>
    public string SecretProtected { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string? DisabledReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SecretRotatedAt { get; set; }

    /// <summary>Dead letters in a row since the last successful delivery.</summary>
    public int ConsecutiveDeadLetters { get; set; }

    /// <summary>The first failed attempt since the last success; null while deliveries succeed.</summary>
    public DateTime? FailingSince { get; set; }

    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string type) => type == WebhookEventTypes.Ping || Types.Contains(type);
}
