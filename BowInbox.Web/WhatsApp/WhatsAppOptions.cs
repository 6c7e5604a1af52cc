using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>The <c>WhatsApp</c> configuration section: the Cloud API account this install speaks for.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>e.g. <c>https://graph.facebook.com/v21.0</c>. Left empty in Development, the built-in simulator answers.</summary>
    public string? GraphApiBaseUrl { get; set; }

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

            if (string.IsNullOrWhiteSpace(options.GraphApiBaseUrl))
            {
                missing.Add("'WhatsApp:GraphApiBaseUrl'");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.GraphApiBaseUrl) && !Uri.TryCreate(options.GraphApiBaseUrl, UriKind.Absolute, out _))
        {
            return ValidateOptionsResult.Fail("Setting 'WhatsApp:GraphApiBaseUrl' must be an absolute URL such as https://graph.facebook.com/v21.0.");
        }

        if (options.MaxSendsInFlight is < 1 or > WhatsAppOptions.MaxSendsInFlightLimit)
        {
            return ValidateOptionsResult.Fail($"Setting 'WhatsApp:MaxSendsInFlight' must be between 1 and {WhatsAppOptions.MaxSendsInFlightLimit} (it is {options.MaxSendsInFlight}).");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Missing setting {string.Join(", ", missing)} (environment variables WhatsApp__AppSecret etc.).");
    }
}
