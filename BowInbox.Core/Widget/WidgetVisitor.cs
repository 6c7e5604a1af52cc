namespace BowInbox.Core.Widget;

/// <summary>
/// Someone who wrote through a widget without signing up: a contact of their own, known to their browser by a signed
/// token holding this row's id. An email they leave is stored only protected and hashed, like a phone number.
/// </summary>
public class WidgetVisitor
{
    public int Id { get; set; }

    public int WidgetKeyId { get; set; }

    public int ContactId { get; set; }

    /// <summary>The conversation the visitor's panel shows.</summary>
    public int TicketId { get; set; }

    public string? EmailHash { get; set; }

    public string? EmailProtected { get; set; }

    /// <summary>SHA-256 of the one-time code that continues this conversation on WhatsApp; null when none is open.</summary>
    public string? HandoverCodeHash { get; set; }

    public DateTime? HandoverCodeExpiresAt { get; set; }

    /// <summary>When the conversation moved to WhatsApp: the panel shows nothing written after it.</summary>
    public DateTime? MovedToWhatsAppAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool HasMoved => MovedToWhatsAppAt is not null;
}
