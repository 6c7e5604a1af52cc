using System.Text.RegularExpressions;

namespace BowInbox.Core.Audit;

/// <summary>
/// What a policy violation keeps of the text the scanner found: phone-number-like runs masked as <see cref="NumberMask"/>
/// shows them, and an email address reduced to its first letter and its domain. The record says what kind of contact
/// detail was tried and lets a reader tell two apart; the detail itself stays only in the message, behind an audited reveal.
/// </summary>
public static partial class StoredFinding
{
    public static string Of(string found)
    {
        var masked = NumberMask.Mask(found)!;
        masked = Email().Replace(masked, match => $"{match.Groups["first"].Value}•••@{match.Groups["domain"].Value}");
        return masked.Length <= 500 ? masked : masked[..500];
    }

    [GeneratedRegex(@"(?<first>[^\s@<>()\[\]""',;:])[^\s@<>()\[\]""',;:]*@(?<domain>[^\s@<>()\[\]""',;:]+)")]
    private static partial Regex Email();
}
