namespace BowInbox.Core.Scanning;

/// <summary>
/// Whether something written like an IBAN is one: its check digits must hold (ISO 13616, modulo 97). Electricity supply
/// codes ("ES0021000012345678XY") and order ids ("OD432118975534227000") have the shape and not the checksum.
/// </summary>
internal static class IbanChecksum
{
    /// <summary>True when <paramref name="text"/> is shaped like an IBAN (spaces allowed) and its check digits fail.</summary>
    public static bool IsFalseIban(ReadOnlySpan<char> text)
    {
        Span<char> compact = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == compact.Length || !(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            {
                return false;
            }

            compact[length++] = c;
        }

        if (length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        // The country and check digits move to the end, letters count as 10 to 35, and the whole is 1 modulo 97.
        var remainder = 0;
        for (var i = 0; i < length; i++)
        {
            var c = compact[(i + 4) % length];
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder != 1;
    }
}
