using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.Admin;

/// <summary>
/// What an admin may type to say who someone is on WhatsApp: a phone number with its country code, or a
/// business-scoped user id (BSUID) for someone who uses a username and shares no phone.
/// </summary>
public static class WhatsAppAddresses
{
    public static bool TryRead(string? input, out string address, out string error)
    {
        if (!BusinessScopedUserId.IsOne(input))
        {
            return PhoneNumbers.TryToWaId(input, out address, out error);
        }

        address = BusinessScopedUserId.Normalize(input!);
        error = "";
        if (address.Length > WhatsAppLimits.MaxUserIdLength || !address.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
        {
            address = "";
            error = "A business-scoped user id is a country code, a dot and letters or digits, e.g. US.13491208655302741918.";
            return false;
        }

        return true;
    }
}
