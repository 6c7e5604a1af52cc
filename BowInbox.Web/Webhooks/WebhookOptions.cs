namespace BowInbox.Web.Webhooks;

/// <summary>Outgoing event delivery (<c>Webhooks</c> section).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How long a claimed delivery belongs to its sender; a sender that dies leaves it to another after this.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Dead letters in a row after which a subscription is disabled (and an alert raised).</summary>
    public int DisableAfterDeadLetters { get; set; } = 5;

    /// <summary>Hours of failures with no success in between after which a subscription is disabled.</summary>
    public int DisableAfterFailingHours { get; set; } = 24;
}
