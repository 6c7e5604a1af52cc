namespace BowInbox.Core.Audit;

/// <summary>
/// What a policy violation keeps of the text the scanner found: phone-number-like runs masked as <see cref="NumberMask"/>
/// shows them, and an email address reduced to its first letter and its domain. The record says what kind of contact
/// detail was tried and lets a reader tell two apart; the detail itself stays only in the message, behind an audited reveal.
/// </summary>
public static class StoredFinding
{
    public static string Of(string found)
    {
        var masked = NumberMask.Mask(found)!;
        return masked.Length <= 500 ? masked : masked[..500];
    }
}
