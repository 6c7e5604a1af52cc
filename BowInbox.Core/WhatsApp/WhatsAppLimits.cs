namespace BowInbox.Core.WhatsApp;

/// <summary>Size limits the WhatsApp Cloud API enforces; exceeding them gets a request rejected with error 100.</summary>
public static class WhatsAppLimits
{
    public const int MaxTextLength = 4096;

    /// <summary>Meta never sends a webhook body larger than this.</summary>
    public const int MaxPayloadBytes = 3 * 1024 * 1024;

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
}
