namespace BowInbox.Core.WhatsApp;

/// <summary>
/// A business-scoped user id (BSUID) such as <c>US.13491208655302741918</c>, or a parent one such as
/// <c>US.ENT.99120034857716602210</c>: one per user per business portfolio, sent by Meta with or without the phone.
/// </summary>
public static class BusinessScopedUserId
{
    /// <summary>A phone number is digits and punctuation; a BSUID starts with a two-letter country code.</summary>
    public static bool IsOne(string? address)
    {
        var value = address?.Trim();
        return value is { Length: > 3 } && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) && value[2] == '.';
    }

    /// <summary>BSUIDs are compared as sent, without surrounding spaces; the country code is upper case.</summary>
    public static string Normalize(string userId)
    {
        var value = userId.Trim();
        return value.Length > 2 ? value[..2].ToUpperInvariant() + value[2..] : value;
    }
}
