using System.Text;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Audit;

/// <summary>The <c>Audit</c> configuration section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Secret that keys the chain's HMAC-SHA256. Whoever holds it can rewrite the chain: keep it out of the database's reach.</summary>
    public string HmacKey { get; set; } = "";
}

/// <summary>The key of the audit chain's HMAC, from <c>Audit:HmacKey</c>.</summary>
public sealed class AuditKey(IOptions<AuditOptions> options)
{
    public const int MinimumLength = 32;

    private readonly byte[] bytes = Encoding.UTF8.GetBytes(options.Value.HmacKey);

    public ReadOnlySpan<byte> Bytes => bytes;

    internal static void AddAuditKey(IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddSingleton<AuditKey>();
    }

    private sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options)
            => options.HmacKey.Length >= MinimumLength
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Missing setting 'Audit:HmacKey': a secret of at least {MinimumLength} characters that keys the audit chain (environment variable Audit__HmacKey).");
    }
}
