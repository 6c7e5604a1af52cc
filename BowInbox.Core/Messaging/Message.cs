namespace BowInbox.Core.Messaging;

public class Message
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public MessageDirection Direction { get; set; }

    public string? AuthorUserId { get; set; }

    /// <summary>Who wrote it as staff see it: an alias and first name, a provider's first name, or a staff name.</summary>
    public string AuthorName { get; set; } = "";

    /// <summary>WhatsApp message type (text, image, location, ...); unknown types are kept as sent.</summary>
    public string Type { get; set; } = "text";

    /// <summary>The text as delivered (or as received for inbound).</summary>
    public string? Text { get; set; }

    /// <summary>The text before the scanner changed it; supervisors and admins only.</summary>
    public string? OriginalText { get; set; }

    /// <summary>Why the message was held instead of relayed (e.g. the customer is paused); staff see it, the other side never.</summary>
    public string? HeldReason { get; set; }

    /// <summary>WhatsApp message id; unique, which is what makes inbound processing exactly-once.</summary>
    public string? Wamid { get; set; }

    /// <summary>Our number that received or sent it.</summary>
    public string? PhoneNumberId { get; set; }

    public DeliveryStatus Status { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    public string? MediaId { get; set; }

    public string? MediaMimeType { get; set; }

    /// <summary>The words read from the file (OCR, a PDF's text, a voice note's transcript), encrypted: they may hold contact details.</summary>
    public string? MediaText { get; set; }

    public string? Caption { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? LocationName { get; set; }

    /// <summary>The wamid this message quotes or answers (WhatsApp's <c>context.id</c>).</summary>
    public string? ContextWamid { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>What Meta's statuses say this outbound message costs: <c>pricing.category</c> (marketing, utility, authentication, service).</summary>
    public string? PricingCategory { get; set; }

    /// <summary><c>pricing.billable</c>: whether Meta charges for it.</summary>
    public bool? PricingBillable { get; set; }

    /// <summary><c>pricing.type</c>: regular, free_customer_service or free_entry_point.</summary>
    public string? PricingType { get; set; }

    /// <summary><c>pricing.pricing_model</c>, "PMP" (per message) since July 2025.</summary>
    public string? PricingModel { get; set; }
}
