namespace BowInbox.Core.WhatsApp;

/// <summary>Size limits the WhatsApp Cloud API enforces; exceeding them gets a request rejected with error 100.</summary>
public static class WhatsAppLimits
{
    public const int MaxTextLength = 4096;

    /// <summary>Meta never sends a webhook body larger than this.</summary>
    public const int MaxPayloadBytes = 3 * 1024 * 1024;

    /// <summary>
    /// The largest media file the Cloud API takes (a document; images, audio and video are smaller). Media are read
    /// up to this and no further, whatever a server announces.
    /// </summary>
    public const long MaxMediaBytes = 100L * 1024 * 1024;

    public const int MaxInteractiveBodyLength = 1024;

    public const int MaxReplyButtons = 3;

    public const int MaxReplyButtonIdLength = 256;

    public const int MaxReplyButtonTitleLength = 20;

    public const int MaxListButtonTextLength = 20;

    public const int MaxListSections = 10;

    /// <summary>Counted over all sections of one list message.</summary>
    public const int MaxListRows = 10;

    public const int MaxListRowIdLength = 200;

    public const int MaxListRowTitleLength = 24;

    public const int MaxListRowDescriptionLength = 72;

    public const int MaxListSectionTitleLength = 24;

    /// <summary>
    /// Webhook values are kept within the columns they are stored in, so a server database never refuses one
    /// at processing time: ids longer than this are refused (required) or dropped (optional).
    /// </summary>
    public const int MaxWebhookIdLength = 128;

    public const int MaxPhoneNumberIdLength = 32;

    /// <summary>A business-scoped user id: two letters, a dot (or ".ENT." for a parent), up to 128 letters and digits.</summary>
    public const int MaxUserIdLength = 160;

    /// <summary>Longer message types (unknown ones) are cut to this.</summary>
    public const int MaxMessageTypeLength = 32;

    /// <summary>Cut to this; WhatsApp itself allows 25 characters.</summary>
    public const int MaxProfileNameLength = 100;

    /// <summary>Error titles, location names and addresses are cut to this.</summary>
    public const int MaxWebhookTitleLength = 500;
}
