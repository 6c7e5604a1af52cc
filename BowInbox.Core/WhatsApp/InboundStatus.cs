using BowInbox.Core.Messaging;

namespace BowInbox.Core.WhatsApp;

/// <summary>A delivery status of a message we sent, as reported by the webhook.</summary>
public sealed record InboundStatus
{
    public required string Wamid { get; init; }

    public required DeliveryStatus Status { get; init; }

    public string? RecipientId { get; init; }

    public required DateTime Timestamp { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorTitle { get; init; }

    /// <summary>What Meta says the message costs (sent, delivered and read statuses carry it).</summary>
    public MessagePricing? Pricing { get; init; }

    /// <summary>Our number that sent the message.</summary>
    public required string PhoneNumberId { get; init; }
}
