namespace BowInbox.Core.Contacts;

public static class PersonName
{
    /// <summary>
    /// The first word of a profile name, which is all a provider is told about a customer; null (so the alias is
    /// used) when it is not a name: a WhatsApp profile name is free text, and "0412345678" or "tom@mail.com" as a
    /// name would carry a contact detail past the scanner.
    /// </summary>
    public static string? FirstName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return null;
        }

        var first = fullName.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
        if (first.Length > 40 || !IsName(first))
        {
            return null;
        }

        return first;
    }

    // Letters (any script) with the marks, apostrophes and hyphens names are written with; never a digit of any
    // kind, nor the dots and at signs of addresses and links.
    private static bool IsName(string word)
        => word.Any(char.IsLetter)
            && word.All(c => char.IsLetter(c) || c is '\'' or '’' or '-'
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
}
