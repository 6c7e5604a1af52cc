using System.Security.Cryptography;
using System.Text;
using BowInbox.Core.Numbers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

/// <summary>Encrypts wa_ids with ASP.NET Core Data Protection and hashes them with a keyed HMAC for lookups.</summary>
internal sealed class NumberProtector(IDataProtectionProvider dataProtection, IOptions<SecurityOptions> options) : INumberProtector
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.PhoneNumbers.v1");
    private readonly byte[] hashKey = Encoding.UTF8.GetBytes(options.Value.NumberHashKey);

    public string Protect(string waId) => protector.Protect(Normalize(waId));

    public string Unprotect(string protectedWaId) => protector.Unprotect(protectedWaId);

    public string Hash(string waId)
        => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(Normalize(waId))));

    /// <summary>wa_ids are digits only; "+1 555-010-0001" and "15550100001" are the same person.</summary>
    private static string Normalize(string waId)
    {
        var digits = new StringBuilder(waId.Length);
        foreach (var c in waId)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }
}
