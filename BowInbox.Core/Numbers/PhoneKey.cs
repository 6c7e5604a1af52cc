using System.Text;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Core.Numbers;

/// <summary>
/// The form a phone number or BSUID is hashed in, so one person is one key however WhatsApp or an admin wrote them:
/// punctuation is dropped, and the countries whose mobile numbers have two written forms are folded into one:
/// Brazil with and without the ninth digit, Mexico with and without the <c>1</c> after <c>52</c>, Argentina with and
/// without the <c>9</c> after <c>54</c>. A BSUID is kept as it is (its country code in upper case).
/// </summary>
public static class PhoneKey
{
    public static string Of(string address)
        => BusinessScopedUserId.IsOne(address) ? BusinessScopedUserId.Normalize(address) : Canonical(Digits(address));

    /// <summary>Digits only: "+1 555-010-0001" and "15550100001" are the same number.</summary>
    public static string Digits(string phone)
    {
        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }

    private static string Canonical(string digits) => digits switch
    {
        // Brazil: 55 + two-digit area code + 8-digit mobile (starting 6 to 9) gets the ninth digit every mobile has had since 2016.
        { Length: 12 } when digits.StartsWith("55", StringComparison.Ordinal) && digits[4] is >= '6' and <= '9'
            => string.Concat(digits.AsSpan(0, 4), "9", digits.AsSpan(4)),

        // Mexico: WhatsApp still writes mobiles as 52 1 + ten digits; since 2019 the 1 is no longer dialled.
        { Length: 13 } when digits.StartsWith("521", StringComparison.Ordinal) => string.Concat("52", digits.AsSpan(3)),

        // Argentina: a mobile is 54 9 + ten digits (no area code starts with 9); without the 9 it is the same person.
        { Length: 12 } when digits.StartsWith("54", StringComparison.Ordinal) && digits[2] != '9' => string.Concat("549", digits.AsSpan(2)),
        _ => digits,
    };
}
