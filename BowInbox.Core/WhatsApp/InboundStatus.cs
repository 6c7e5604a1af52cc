using BowInbox.Core.Messaging;

namespace BowInbox.Core.WhatsApp;

/// <summary>A delivery status of a message we sent, as reported by the webhook.</summary>
public sealed record InboundStatus
{
    public required string Wamid { get; init; }

    public required DeliveryStatus Status { get; init; }

    /// <summary>The recipient's wa_id; absent when Meta withheld the phone of a user with a username.</summary>
    public string? RecipientId { get; init; }

    /// <summary>The recipient's business-scoped user id (BSUID), when the webhook carries one.</summary>
    public string? RecipientUserId { get; init; }

    /// <summary>The recipient's parent BSUID, for linked business portfolios.</summary>
    public string? ParentRecipientUserId { get; init; }

    public required DateTime Timestamp { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorTitle { get; init; }

    /// <summary>What Meta says the message costs (sent, delivered and read statuses carry it).</summary>
    public MessagePricing? Pricing { get; init; }

    /// <summary>Our number that sent the message.</summary>
    public required string PhoneNumberId { get; init; }
}
