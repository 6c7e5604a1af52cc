using System.Text.RegularExpressions;

namespace BowInbox.Core.Audit;

/// <summary>
/// Hides email addresses (to their first letter and domain) and phone-number-like runs (7 or more digits, with the spaces, dashes, dots and brackets people
/// type between them) in text shown or exported for audit, keeping the last two digits so a reader can
/// still tell two numbers apart. Digits of every script count (Arabic-Indic, full-width, Devanagari, ...), as people
/// type them all. A real number is seen only through an audited reveal.
/// </summary>
public static partial class NumberMask
{
    public static string? Mask(string? text)
        => text is null ? null : DigitRun().Replace(EmailAddress().Replace(text, match => $"{match.Groups["first"].Value}•••@{match.Groups["domain"].Value}"), match =>
        {
            var digits = new string(match.Value.Where(char.IsDigit).ToArray());
            return digits.Length < 7 ? match.Value : $"[number ••{digits[^2..]}]";
        });

    // An email address is as much a way around the platform as a number: reduced to its first letter and its domain.
    [GeneratedRegex(@"(?<first>[^\s@<>()\[\]""',;:])[^\s@<>()\[\]""',;:]*@(?<domain>[^\s@<>()\[\]""',;:]+)")]
    private static partial Regex EmailAddress();

    // \d is every Unicode decimal digit (not only 0-9) in .NET's default mode.
    [GeneratedRegex(@"[+＋]?\d[\d\s().\-‐-―－．]{5,}\d")]
    private static partial Regex DigitRun();
}
