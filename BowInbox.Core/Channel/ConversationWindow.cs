namespace BowInbox.Core.Channel;

/// <summary>
/// WhatsApp's 24-hour customer-service window per (our number, their wa_id): free-form messages
/// are allowed only within 24 hours of their last message to that number.
/// </summary>
public class ConversationWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public long Id { get; set; }

    public string PhoneNumberId { get; set; } = "";

    public string WaIdHash { get; set; } = "";

    public DateTime LastInboundAt { get; set; }

    public bool IsOpenAt(DateTime now) => now - LastInboundAt < Length;
}
