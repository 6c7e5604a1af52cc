using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Folds the characters people use to slip details past a scanner back to plain ASCII: other
/// scripts' and full-width digits, circled digits, keycap emoji (1️⃣), full-width letters and
/// invisible separators; and closes up letters spelled out with spaces ("m a r i a @ g m a i l"), and whole addresses
/// ("j o e 7 7 @ g m x . d e").
/// Letters standing in for digits (O for 0) are the phone finder's business.
/// </summary>
internal static partial class TextNormalizer
{
    public static NormalizedText Normalize(string text)
    {
        var (folded, map) = IsPlainAscii(text) ? (text, null) : Fold(text);
        return SpacedLetters().IsMatch(folded) ? CloseUp(text, folded, map) : new NormalizedText(text, folded, map);
    }

    private static (string Text, int[] Map) Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.Utf16SequenceLength;
            var folded = FoldRune(rune);
            if (folded is { } c)
            {
                builder.Append(c);
                map.Add(index);
            }
            else if (!IsInvisible(rune))
            {
                builder.Append(text, index, length);
                for (var i = 0; i < length; i++)
                {
                    map.Add(index + i);
                }
            }

            index += length;
        }

        map.Add(text.Length);
        return (builder.ToString(), [.. map]);
    }

    private static NormalizedText CloseUp(string original, string text, int[]? map)
    {
        var builder = new StringBuilder(text.Length);
        var closedMap = new List<int>(text.Length + 1);
        var at = 0;
        foreach (Match m in SpacedLetters().Matches(text))
        {
            for (var i = at; i < m.Index + m.Length; i++)
            {
                if (i < m.Index || text[i] != ' ')
                {
                    builder.Append(text[i]);
                    closedMap.Add(map?[i] ?? i);
                }
            }

            at = m.Index + m.Length;
        }

        for (var i = at; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                builder.Append(text[i]);
            }

            closedMap.Add(map?[i] ?? i);
        }

        return new NormalizedText(original, builder.ToString(), [.. closedMap]);
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static char? FoldRune(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x80)
        {
            return null;
        }

        // Full-width ASCII (ｇｍａｉｌ, ＠, ０) is the same text to a reader.
        if (value is >= 0xFF01 and <= 0xFF5E)
        {
            return (char)(value - 0xFEE0);
        }

        if (value == 0x3000)
        {
            return ' ';
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.DecimalDigitNumber || (category == UnicodeCategory.OtherNumber && !IsSuperOrSubscript(value)))
        {
            var number = Rune.GetNumericValue(rune);
            if (number is >= 0 and <= 9 && number == Math.Floor(number))
            {
                return (char)('0' + (int)number);
            }
        }

        return null;
    }

    // Superscripts stay as they are: "m²" is a unit, not a hidden digit.
    private static bool IsSuperOrSubscript(int value) =>
        value is 0xB2 or 0xB3 or 0xB9 || value is >= 0x2070 and <= 0x209F;

    // Keycap emoji are a digit + U+FE0F + U+20E3; dropping the tail leaves the digit.
    private static bool IsInvisible(Rune rune) =>
        rune.Value is 0xFE0F or 0xFE0E or 0x20E3 or 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or 0x00AD;

    // Three or more single letters in a row, each followed by one space: someone spacing a word out; or a whole address
    // spaced out, its dots, dashes, digits and "@" too ("t h o m a s . b e c k @ t - o n l i n e . d e").
    [GeneratedRegex(@"(?<![\p{L}\p{N}.@_\-])(?=(?:[\p{L}\p{N}._\-] )*@)(?:[\p{L}\p{N}.@_\-] ){4,}[\p{L}\p{N}.@_\-](?![\p{L}\p{N}.@_\-])|(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedLetters();
}
