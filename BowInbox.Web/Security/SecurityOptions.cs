using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Key for the keyed hash that finds a phone number without decrypting it. Keep it secret and stable.</summary>
    public string NumberHashKey { get; set; } = "";

    /// <summary>
    /// Folder of the Data Protection key ring from before it moved into the database (defaults to <c>App_Data/keys</c>):
    /// its keys are imported into the database at start (<see cref="LegacyKeyRingImport"/>).
    /// </summary>
    public string DataProtectionKeysPath { get; set; } = "";
}

internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        => options.NumberHashKey.Length >= 16
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Missing setting 'Security:NumberHashKey': a secret of at least 16 characters (environment variable Security__NumberHashKey).");
}
