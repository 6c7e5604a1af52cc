using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>The <c>RateLimits</c> configuration section: what one address or one user may do per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Webhook requests per minute from one address. Meta delivers from a few addresses, so this is generous.</summary>
    public int WebhookPerIpPerMinute { get; set; } = 12_000;

    /// <summary>Webhook bodies read at once before their signature is checked; more are answered 503 and Meta retries.</summary>
    public int WebhookConcurrentReads { get; set; } = 128;

    /// <summary>Sign-in attempts (the login form's POST) per minute from one address.</summary>
    public int LoginPerIpPerMinute { get; set; } = 20;

    /// <summary>Transcript exports per minute by one user.</summary>
    public int ExportsPerUserPerMinute { get; set; } = 10;

    /// <summary>Number and original-text reveals per minute by one user.</summary>
    public int RevealsPerUserPerMinute { get; set; } = 10;

    /// <summary>Integration API requests per minute with one API key.</summary>
    public int ApiRequestsPerKeyPerMinute { get; set; } = 600;
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var wrong = new (string Key, int Value)[]
            {
                (nameof(RateLimitOptions.WebhookPerIpPerMinute), options.WebhookPerIpPerMinute),
                (nameof(RateLimitOptions.WebhookConcurrentReads), options.WebhookConcurrentReads),
                (nameof(RateLimitOptions.LoginPerIpPerMinute), options.LoginPerIpPerMinute),
                (nameof(RateLimitOptions.ExportsPerUserPerMinute), options.ExportsPerUserPerMinute),
                (nameof(RateLimitOptions.RevealsPerUserPerMinute), options.RevealsPerUserPerMinute),
                (nameof(RateLimitOptions.ApiRequestsPerKeyPerMinute), options.ApiRequestsPerKeyPerMinute),
            }
            .Where(setting => setting.Value < 1)
            .Select(setting => $"'{RateLimitOptions.Section}:{setting.Key}'")
            .ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting {string.Join(", ", wrong)} must be at least 1.");
    }
}
