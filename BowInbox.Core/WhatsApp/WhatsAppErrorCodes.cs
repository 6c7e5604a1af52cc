namespace BowInbox.Core.WhatsApp;

/// <summary>The Graph API and webhook error codes BowInbox acts on.</summary>
public static class WhatsAppErrorCodes
{
    public const int InvalidParameter = 100;

    /// <summary>Access token expired or invalid: retrying will not help until an admin replaces it.</summary>
    public const int AccessTokenInvalid = 190;

    /// <summary>The sending number's throughput limit was reached.</summary>
    public const int ThroughputLimit = 130429;

    public const int SomethingWentWrong = 131000;

    public const int MissingRequiredParameter = 131008;

    public const int ParameterValueInvalid = 131009;

    /// <summary>Not on WhatsApp, an old app, or it blocked us; retrying cannot deliver it.</summary>
    public const int Undeliverable = 131026;

    /// <summary>More than 24 hours since the recipient last wrote to this number: only a template goes through.</summary>
    public const int ReEngagementRequired = 131047;

    public const int UnsupportedMessageType = 131051;

    /// <summary>Too many messages to the same recipient in a short time (about one every 6 s sustained).</summary>
    public const int PairRateLimit = 131056;

    /// <summary>Meta's spam rate limit for the sending number: stop sending from it and alert an admin, never retry.</summary>
    public const int SpamRateLimit = 131048;

    /// <summary>The sending number is temporarily blocked for a policy violation: stop sending from it, never retry.</summary>
    public const int BlockedForPolicy = 368;

    /// <summary>This message type (an authentication template) cannot go to a business-scoped user id; only to a phone.</summary>
    public const int UserIdNotSupported = 131062;

    public const int TemplateParameterMismatch = 132000;

    public const int TemplateDoesNotExist = 132001;
}
