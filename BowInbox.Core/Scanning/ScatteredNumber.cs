using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>A run of plain digits the phone finder could not call a phone on its own.</summary>
internal readonly record struct NumberFragment(int Start, int End, string Digits);

/// <summary>
/// Finds a phone number handed over in pieces with words between them ("it starts with 555 010 and
/// ends 0199", "empieza por 612 y acaba en 345 678"): pieces close together that add up to a phone
/// number's length, in a message that talks about numbers or calling.
/// </summary>
internal static partial class ScatteredNumber
{
    private const int MaxSpan = 60;
    private const int MinDigits = 9;
    private const int MaxDigits = 15;

    public static void Find(NormalizedText input, List<NumberFragment> fragments, ContentPolicy policy, List<Finding> findings)
    {
        if (fragments.Count < 2 || !PhoneTalk().IsMatch(input.Text))
        {
            return;
        }

        var i = 0;
        while (i < fragments.Count)
        {
            var digits = fragments[i].Digits;
            var best = -1;
            for (var j = i + 1; j < fragments.Count && fragments[j].End - fragments[i].Start <= MaxSpan; j++)
            {
                digits += fragments[j].Digits;
                if (digits.Length > MaxDigits)
                {
                    break;
                }

                if (digits.Length >= MinDigits && !policy.AllowsPhone(digits))
                {
                    best = j;
                }
            }

            if (best < 0)
            {
                i++;
                continue;
            }

            var (start, length) = input.ToOriginal(fragments[i].Start, fragments[best].End);
            findings.Add(new Finding(ViolationKind.Phone, input.Original.Substring(start, length), start, length, policy.Phone));
            i = best + 1;
        }
    }

    [GeneratedRegex(
        @"\b(?:number|phone|cell|mobile|call|text|ring|whats\s?app|whats|wsp|n[uú]mero|tel[eé]fono|celular|celu|cel|m[oó]vil|ll[aá]ma(?:me)?|marca(?:me)?|escr[ií]beme"
        + @"|nummer|handy|handynummer|telefon|telefonnummer|ruf|anrufen|num[ée]ro|portable|appelle(?:-moi)?|t[ée]l[ée]phone|telem[oó]vel|zap|liga|ligar|me\s+liga"
        + @"|vorwahl|area\s+code|prefijo|lada|prefixo|ddd|indicatif)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneTalk();
}
