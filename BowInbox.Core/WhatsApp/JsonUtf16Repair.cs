using System.Text;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Makes webhook JSON readable as .NET strings before it is parsed. JSON lets a string escape a lone or reversed
/// UTF-16 surrogate (<c>"\ud800"</c>, <c>"\ude00\ud83d"</c>), which <c>JsonElement.GetString()</c> and property
/// lookups refuse with an exception; such escapes (and raw lone surrogates) become U+FFFD, as an invalid UTF-8 byte
/// does. An escaped NUL becomes U+FFFD too: PostgreSQL text cannot hold it. Everything else is left byte for byte.
/// </summary>
internal static class JsonUtf16Repair
{
    private const string Replacement = "\\ufffd";

    /// <returns>The same instance when nothing needed repairing.</returns>
    public static string Repair(string json)
    {
        StringBuilder? repaired = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < json.Length)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                if (json[i + 1] != 'u' || !TryReadEscape(json, i, out var unit))
                {
                    i += 2;
                    continue;
                }

                if (unit == 0 || char.IsLowSurrogate(unit)
                    || (char.IsHighSurrogate(unit) && !(TryReadEscape(json, i + 6, out var low) && char.IsLowSurrogate(low))))
                {
                    Replace(json, ref repaired, ref copiedUpTo, i, 6, Replacement);
                    i += 6;
                }
                else
                {
                    // A valid pair is kept whole, so its low half is not looked at again on its own.
                    i += char.IsHighSurrogate(unit) ? 12 : 6;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]))
            {
                i += 2;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                Replace(json, ref repaired, ref copiedUpTo, i, 1, "\ufffd");
            }

            i++;
        }

        if (repaired is null)
        {
            return json;
        }

        repaired.Append(json, copiedUpTo, json.Length - copiedUpTo);
        return repaired.ToString();
    }

    private static bool TryReadEscape(string json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u')
        {
            return false;
        }

        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexValue(json[k]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static void Replace(string json, ref StringBuilder? repaired, ref int copiedUpTo, int at, int length, string with)
    {
        repaired ??= new StringBuilder(json.Length);
        repaired.Append(json, copiedUpTo, at - copiedUpTo).Append(with);
        copiedUpTo = at + length;
    }
}
