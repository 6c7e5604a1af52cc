using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BowInbox.Web.Privacy;

/// <summary>
/// A message's text before the scanner changed it (<c>Messages.OriginalText</c>) is what the scanner removed: most often
/// the sender's own number or address. It is kept encrypted with the numbers' key ring, and read in clear only through
/// an audited reveal (masked in transcripts).
/// </summary>
public sealed class OriginalTexts(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.OriginalTexts.v1");

    public string Protect(string original) => protector.Protect(original);

    /// <summary>The original as written; one stored in clear by a version before encryption is returned as it is.</summary>
    public string? Unprotect(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return stored;
        }
    }
}
