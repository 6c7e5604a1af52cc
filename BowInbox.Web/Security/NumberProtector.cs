using System.Security.Cryptography;
using System.Text;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

/// <summary>
/// Encrypts wa_ids and business-scoped user ids (BSUIDs) with ASP.NET Core Data Protection and hashes them with a keyed
/// HMAC for lookups. The hash is of <see cref="PhoneKey"/>'s form, so the written forms of one number find one person;
/// the encrypted value is the number as WhatsApp gave it (digits only), which is what sends go to.
/// </summary>
internal sealed class NumberProtector(IDataProtectionProvider dataProtection, IOptions<SecurityOptions> options) : INumberProtector
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.PhoneNumbers.v1");
    private readonly byte[] hashKey = Encoding.UTF8.GetBytes(options.Value.NumberHashKey);

    public string Protect(string waId)
        => protector.Protect(BusinessScopedUserId.IsOne(waId) ? BusinessScopedUserId.Normalize(waId) : PhoneKey.Digits(waId));

    public string Unprotect(string protectedWaId) => protector.Unprotect(protectedWaId);

    public string Hash(string waId)
        => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(PhoneKey.Of(waId))));

    public string LegacyHash(string waId)
        => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(PhoneKey.Digits(waId))));
}
