namespace BowInbox.Core.Numbers;

/// <summary>A WhatsApp business number the marketplace owns.</summary>
public class ProxyNumber
{
    public int Id { get; set; }

    /// <summary>Meta's id for the number; the sender in the Graph API URL and the receiver in webhooks.</summary>
    public string PhoneNumberId { get; set; } = "";

    public string DisplayNumber { get; set; } = "";

    public NumberPurpose Purpose { get; set; }

    public string? Region { get; set; }

    public bool Active { get; set; } = true;
}
