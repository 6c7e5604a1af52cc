using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>The <c>WhatsApp</c> configuration section: the Cloud API account this install speaks for.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>
    /// The Graph API base with its version, <c>https://graph.facebook.com/v25.0</c> when left empty outside Development;
    /// left empty in Development, the built-in simulator answers.
    /// </summary>
    public string? GraphApiBaseUrl { get; set; }

    /// <summary>Where sends go outside the simulator: the configured base URL, or the current version's.</summary>
    public string EffectiveGraphApiBaseUrl => string.IsNullOrWhiteSpace(GraphApiBaseUrl) ? GraphApiVersions.DefaultBaseUrl : GraphApiBaseUrl;

    /// <summary>
    /// Parent BSUIDs are enabled for the linked business portfolios: a pool number may then belong to another portfolio
    /// than the central number (a customer's parent BSUID is the same in both).
    /// </summary>
    public bool ParentBsuidsEnabled { get; set; }

    /// <summary>Messages a second a number sends when /admin/numbers sets no rate of its own (Meta's default is 80).</summary>
    public int DefaultMessagesPerSecond { get; set; } = ProxyNumber.DefaultMessagesPerSecond;

    /// <summary>/health turns Degraded when a number has an open conversation window but no webhook for this long.</summary>
    public int WebhookSilenceMinutes { get; set; } = 120;

    public string AccessToken { get; set; } = "";

    /// <summary>Signs every webhook (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Answered in the webhook verification handshake.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>How long one Graph API call may take before it counts as a (retryable) timeout.</summary>
    public int SendTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Sends waiting on the Graph API at once, at most. Meta answers in tens to hundreds of milliseconds, so keeping
    /// 1,000 messages a second going takes a few hundred in flight.
    /// </summary>
    public int MaxSendsInFlight { get; set; } = 256;

    public const int MaxSendsInFlightLimit = 2_000;

    /// <summary>
    /// How long a server's claim on a send lasts. A send still claimed after it was cut off by a crash: whether Meta got
    /// it is unknown, so it is marked failed (never sent twice), and the recipient's later messages wait until then.
    /// Longer than <see cref="SendTimeoutSeconds"/>, so a slow send is never taken for a crashed one.
    /// </summary>
    public int SendLeaseSeconds { get; set; } = 120;

    /// <summary>Mark the customer's messages read when an agent opens the conversation, and show them "typing…" while an agent types.</summary>
    public bool SendReadReceipts { get; set; }
}

internal sealed class WhatsAppOptionsValidator(IHostEnvironment environment) : IValidateOptions<WhatsAppOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            missing.Add("'WhatsApp:AppSecret'");
        }

        if (string.IsNullOrWhiteSpace(options.VerifyToken))
        {
            missing.Add("'WhatsApp:VerifyToken'");
        }

        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.AccessToken))
            {
                missing.Add("'WhatsApp:AccessToken'");
            }

        }

        if (!string.IsNullOrWhiteSpace(options.GraphApiBaseUrl) && !Uri.TryCreate(options.GraphApiBaseUrl, UriKind.Absolute, out _))
        {
            return ValidateOptionsResult.Fail("Setting 'WhatsApp:GraphApiBaseUrl' must be an absolute URL such as https://graph.facebook.com/v25.0.");
        }

        if (options.MaxSendsInFlight is < 1 or > WhatsAppOptions.MaxSendsInFlightLimit)
        {
            return ValidateOptionsResult.Fail($"Setting 'WhatsApp:MaxSendsInFlight' must be between 1 and {WhatsAppOptions.MaxSendsInFlightLimit} (it is {options.MaxSendsInFlight}).");
        }

        if (options.DefaultMessagesPerSecond is < 1 or > ProxyNumber.MaxMessagesPerSecond)
        {
            return ValidateOptionsResult.Fail($"Setting 'WhatsApp:DefaultMessagesPerSecond' must be between 1 and {ProxyNumber.MaxMessagesPerSecond} (it is {options.DefaultMessagesPerSecond}).");
        }

        if (options.WebhookSilenceMinutes < 1)
        {
            return ValidateOptionsResult.Fail($"Setting 'WhatsApp:WebhookSilenceMinutes' must be at least 1 (it is {options.WebhookSilenceMinutes}).");
        }

        if (options.SendLeaseSeconds <= options.SendTimeoutSeconds)
        {
            return ValidateOptionsResult.Fail($"Setting 'WhatsApp:SendLeaseSeconds' ({options.SendLeaseSeconds}) must be longer than 'WhatsApp:SendTimeoutSeconds' ({options.SendTimeoutSeconds}).");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Missing setting {string.Join(", ", missing)} (environment variables WhatsApp__AppSecret etc.).");
    }
}
