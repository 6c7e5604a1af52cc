namespace BowInbox.Core.Numbers;

/// <summary>A business number the marketplace owns: WhatsApp, or SMS.</summary>
public class ProxyNumber
{
    /// <summary>Meta's default throughput for a business number, in messages a second.</summary>
    public const int DefaultMessagesPerSecond = 80;

    /// <summary>The most Meta raises a number to.</summary>
    public const int MaxMessagesPerSecond = 1_000;

    /// <summary>A number shared with the WhatsApp Business app ("coexistence") stays at this.</summary>
    public const int CoexistenceMessagesPerSecond = 20;

    public int Id { get; set; }

    /// <summary>Meta's id for the number; the sender in the Graph API URL and the receiver in webhooks.</summary>
    public string PhoneNumberId { get; set; } = "";

    public string DisplayNumber { get; set; } = "";

    public NumberPurpose Purpose { get; set; }

    /// <summary>
    /// How the number talks: <see cref="Tickets.TicketChannels.WhatsApp"/> (the Cloud API) or <see cref="Tickets.TicketChannels.Sms"/>
    /// (the SMS provider's Messages API). For an SMS number <see cref="PhoneNumberId"/> is its E.164 digits.
    /// </summary>
    public string Channel { get; set; } = Tickets.TicketChannels.WhatsApp;

    public bool IsSms => Channel == Tickets.TicketChannels.Sms;

    public string? Region { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The business portfolio (WABA owner) the number belongs to; BSUIDs are per portfolio.</summary>
    public string? PortfolioId { get; set; }

    /// <summary>The WhatsApp Business Account the number belongs to; the app must be subscribed to it for webhooks.</summary>
    public string? WabaId { get; set; }

    /// <summary>What <c>GET /{WABA_ID}/subscribed_apps</c> last said: null until checked.</summary>
    public bool? WabaSubscribed { get; set; }

    public DateTime? WabaCheckedAt { get; set; }

    /// <summary>When a webhook about this number was last processed.</summary>
    public DateTime? LastWebhookAt { get; set; }

    /// <summary>The send rate Meta granted this number; null for <see cref="DefaultMessagesPerSecond"/>.</summary>
    public int? MessagesPerSecond { get; set; }

    /// <summary>Shared with the WhatsApp Business app: sends are held to <see cref="CoexistenceMessagesPerSecond"/>.</summary>
    public bool Coexistence { get; set; }

    /// <summary>Set when Meta restricted the number (131048, 368): nothing is sent from it until an admin resumes it.</summary>
    public DateTime? SendingStoppedAt { get; set; }

    /// <summary>The Graph error code that stopped sending.</summary>
    public int? SendingStoppedCode { get; set; }

    /// <summary>The rate the outbox holds this number's sends to.</summary>
    public int EffectiveMessagesPerSecond(int defaultRate = DefaultMessagesPerSecond)
    {
        var rate = Math.Clamp(MessagesPerSecond ?? defaultRate, 1, MaxMessagesPerSecond);
        return Coexistence ? Math.Min(rate, CoexistenceMessagesPerSecond) : rate;
    }
}
