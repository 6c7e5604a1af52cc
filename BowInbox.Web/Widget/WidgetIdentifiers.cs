using System.Security.Cryptography;
using System.Text;
using BowInbox.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Widget;

/// <summary>
/// Protects what identifies a web visitor (their browser's visitor id, an email they leave): encrypted at rest and found
/// by a keyed hash, like phone numbers. Not the number protector: it folds its input to a phone number's digits.
/// </summary>
public sealed class WidgetIdentifiers(IDataProtectionProvider dataProtection, IOptions<SecurityOptions> options)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.Widget.Identifiers.v1");
    private readonly byte[] hashKey = Encoding.UTF8.GetBytes(options.Value.NumberHashKey);

    public string Protect(string value) => protector.Protect(value);

    public string Unprotect(string stored) => protector.Unprotect(stored);

    /// <summary>A keyed hash of <paramref name="value"/> in its <paramref name="kind"/> ("web", "email"): kinds never collide with each other or with phones.</summary>
    public string Hash(string kind, string value)
        => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes($"widget-{kind}:{value.Trim().ToLowerInvariant()}")));
}
