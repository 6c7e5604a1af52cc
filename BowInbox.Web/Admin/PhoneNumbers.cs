using PhoneNumbers;

namespace BowInbox.Web.Admin;

/// <summary>Turns what a person types ("+1 555 010 0001") into a WhatsApp id (digits with country code).</summary>
public static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryToWaId(string? input, out string waId, out string error)
    {
        waId = "";
        error = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Enter the WhatsApp number with its country code, e.g. +1 555 010 0001.";
            return false;
        }

        var text = input.Trim();
        if (!text.StartsWith('+'))
        {
            text = "+" + text;
        }

        try
        {
            var number = Util.Parse(text, null);
            if (!Util.IsPossibleNumber(number))
            {
                error = "That is not a possible phone number; check the country code and digits.";
                return false;
            }

            waId = $"{number.CountryCode}{number.NationalNumber}";
            return true;
        }
        catch (NumberParseException)
        {
            error = "That is not a phone number; use digits with the country code, e.g. +1 555 010 0001.";
            return false;
        }
    }
}
