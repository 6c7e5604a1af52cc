namespace BowInbox.Web.Sms;

/// <summary>The <c>Sms</c> configuration section: the SMS provider account (Twilio's API shape) behind our SMS numbers.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public const string DefaultBaseUrl = "https://api.twilio.com";

    public string AccountSid { get; set; } = "";

    /// <summary>Authenticates our sends and signs the provider's webhooks (<c>X-Twilio-Signature</c>). A secret.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>The Messages API host; tests point it at a fake.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The address the provider calls us at (<c>https://inbox.example.com</c>): webhooks are signed over the URL the
    /// provider requested, which behind a proxy is not the one this server sees; also where status callbacks go. Empty:
    /// the request's own scheme and host, and no status callbacks.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Answered to HELP (and INFO), as carriers require.</summary>
    public string HelpText { get; set; } = "BowInbox service messages. Reply STOP to stop receiving texts, START to receive them again. Msg & data rates may apply.";

    public int SendTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Development only: the simulated phones at <c>/dev/phones</c> play the provider, so sends land on a simulated phone
    /// instead of reaching a real one. Ignored outside Development.
    /// </summary>
    public bool Simulator { get; set; }
}
