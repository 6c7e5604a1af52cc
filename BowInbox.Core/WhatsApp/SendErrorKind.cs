namespace BowInbox.Core.WhatsApp;

/// <summary>What a failed send means for what BowInbox does next.</summary>
public enum SendErrorKind
{
    /// <summary>Throttled, Meta-side trouble, timeout or network failure: try again later.</summary>
    Retryable = 0,

    /// <summary>The 24-hour window is closed (131047): send an approved template or tell the agent.</summary>
    WindowClosed = 1,

    /// <summary>The recipient cannot get the message (131026): mark it failed and alert.</summary>
    Undeliverable = 2,

    /// <summary>The access token is expired or invalid (190): the health check goes red, an admin must act.</summary>
    AuthFailure = 3,

    /// <summary>We sent something invalid (bad parameter, template mismatch): log and alert, do not retry.</summary>
    OurBug = 4,

    /// <summary>Meta restricted the sending number (131048 spam rate limit, 368 policy block): stop sending from it, alert an admin.</summary>
    SendingRestricted = 5,
}
