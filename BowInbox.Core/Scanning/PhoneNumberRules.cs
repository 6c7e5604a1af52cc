using System.Text.RegularExpressions;
using PhoneNumbers;

namespace BowInbox.Core.Scanning;

/// <summary>Whether a run of digits is dialable somewhere, or grouped the way people group phone numbers.</summary>
internal static partial class PhoneNumberRules
{
    private const int GenericMinDigits = 8;

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The generic rule for countries no region covers: 8 to 15 digits grouped as people group phone numbers
    /// ("0806 954 0724", "70170-59901", "06 76 83 00 48 6", "(11) 97629-4572"), or one run of 9 to 13 digits.
    /// What stands around it (order, policy, CEP...) has already been ruled out.
    /// </summary>
    public static bool IsPhoneShaped(string digits, List<int> groups)
    {
        if (digits.Length < GenericMinDigits)
        {
            return false;
        }

        if (groups.Count == 1)
        {
            return digits.Length >= 9 && digits.Length <= 13;
        }

        // Groups of 2 to 5 digits; a lone digit may open or close it ("9 8765 4321", "01 57 36 37 14 0 4"), or be the
        // mobile 9 after an area code ("11 9 4567 8901", "(21) 9 8845-3127").
        for (var g = 0; g < groups.Count; g++)
        {
            var mobileNine = g == 1 && groups[0] is 2 or 3 && digits[groups[0]] == '9';
            if (groups[g] > 8 || (groups[g] == 1 && g != 0 && g != groups.Count - 1 && !mobileNine))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Seven digits grouped like a local number ("991 23 45", "532 1177") given as the sender's own number or to be called,
    /// in the same sentence: the whole number in the many countries (Cape Verde, Iceland, Estonia, Panama…) that dial seven.
    /// </summary>
    public static bool IsLocalNumberGiven(string text, int start, string digits, List<int> groups)
    {
        if (digits.Length != 7 || groups is not ([7] or [3, 4] or [4, 3] or [3, 2, 2] or [2, 3, 2] or [2, 2, 3]))
        {
            return false;
        }

        var before = text.AsSpan(0, start);
        var sentence = before[(before.LastIndexOfAny(".!?\n") + 1)..];
        return OwnNumberOrCall().IsMatch(sentence);
    }

    [GeneratedRegex(
        @"\b(?:(?:my|meu|minha|mi|mon|ma|mein|meine|meinen|mera|meri|our|nuestro|nosso)\s+(?:\w+\s+)?(?:number|cell|mobile|phone|n[uú]mero|num[ée]ro|nummer|handynummer|handy|telefon|telefonnummer|tel[eé]fono|telefone|celular|cel|telem[oó]vel|portable|no)"
        + @"|call\s+me|text\s+me|ring\s+me|ll[aá]mame|escr[ií]beme|me\s+liga|liga\s+pra\s+mim|appelle[sz]?[-\s]moi|ruf\s+mich|mujhe\s+call)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnNumberOrCall();

    /// <summary>India writes mobiles as two groups of five ("98077 97032"), which is otherwise two postcodes.</summary>
    public static bool IsIndianMobile(string digits, List<int> groups) => groups is [5, 5] && digits[0] is >= '6' and <= '9' && IsValid(digits, "IN");

    public static bool IsDialable(string digits, List<int> groups, bool hasPlus, ContentPolicy policy)
    {
        if (!hasPlus && digits.StartsWith("00", StringComparison.Ordinal))
        {
            (digits, hasPlus) = (digits[2..], true);
        }
        else if (!hasPlus && digits.StartsWith("011", StringComparison.Ordinal))
        {
            (digits, hasPlus) = (digits[3..], true);
        }

        // A leading plus is the sender saying "this is a phone number": any known country code will do.
        if (hasPlus)
        {
            return digits.Length >= 8 && Check("+" + digits, null) is { } result
                && (result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE || (digits.Length >= 10 && result != PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE));
        }

        for (var r = 0; r < policy.PhoneRegions.Count; r++)
        {
            var region = policy.PhoneRegions[r];
            if (r == 0)
            {
                var result = Check(digits, region);
                // Seven digits is a local number only when grouped like one: "555 0100", not "15 28013".
                if (result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    || (result == PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY && groups is [7] or [3, 4]))
                {
                    return true;
                }
            }
            else if (IsValid(digits, region))
            {
                return true;
            }
        }

        // Eleven or more digits without a plus are often a country code and number: "34 612 345 678".
        return digits.Length >= 11 && IsValid("+" + digits, null);
    }

    private static PhoneNumberUtil.ValidationResult? Check(string number, string? region)
    {
        try
        {
            var parsed = Numbers.Parse(number, region);
            return Numbers.IsPossibleNumberWithReason(parsed);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsValid(string number, string? region)
    {
        try
        {
            return Numbers.IsValidNumber(Numbers.Parse(number, region));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
