using BowInbox.Core.Intake;
using BowInbox.Core.Scanning;

namespace BowInbox.Web.Languages;

/// <summary>
/// What a customer is told when the scanner changed or stopped their message, in their language. English keeps the
/// scanner's own line, which names what was removed; other languages get the texts files' notice
/// (<c>removed-details</c>, <c>blocked-details</c>, <c>payment-reminder</c>, <c>file-withheld</c>,
/// <c>file-unscannable</c>). A blocked request to pay or talk outside
/// is already told in the customer's language by the scanner's lexicon and is kept.
/// </summary>
public static class CustomerScanNotices
{
    public static string? For(CustomerTexts texts, string language, ScanResult scan, string? scannerNotice)
    {
        if (scannerNotice is null || string.Equals(language, CustomerTexts.Fallback, StringComparison.OrdinalIgnoreCase))
        {
            return scannerNotice;
        }

        var key = scannerNotice switch
        {
            Relay.RelayForwarder.WithheldNotice => "file-withheld",
            Relay.RelayForwarder.UnscannableBlockedNotice => "file-unscannable",
            _ => null,
        } ?? scan.Verdict switch
        {
            ScanVerdict.Redacted => "removed-details",
            ScanVerdict.Blocked when !scan.Findings.Any(f => f.Action == PolicyAction.Block && IntentLexicon.IsIntent(f.Kind)) => "blocked-details",
            ScanVerdict.Flagged => "payment-reminder",
            _ => null,
        };
        return key is null ? scannerNotice : texts.Get(language, key);
    }
}
