using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace BowInbox.Web.Widget;

/// <summary>
/// The visitor token a browser keeps in local storage: the visitor's id and their widget's, signed and encrypted by
/// Data Protection. A changed or foreign token does not unprotect and is refused.
/// </summary>
public sealed class WidgetVisitorTokens(IDataProtectionProvider dataProtection)
{
    public const string Header = "X-Widget-Visitor";

    private readonly IDataProtector protector = dataProtection.CreateProtector("BowInbox.Widget.VisitorToken.v1");

    public string Issue(int visitorId, int widgetKeyId)
        => protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{visitorId}:{widgetKeyId}"));

    /// <summary>The visitor id in <paramref name="token"/> when it is genuine and for <paramref name="widgetKeyId"/>; else null.</summary>
    public int? Read(string? token, int widgetKeyId)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split(':');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var visitorId)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var keyId)
                && keyId == widgetKeyId
                    ? visitorId
                    : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
