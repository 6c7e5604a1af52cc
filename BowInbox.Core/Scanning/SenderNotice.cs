namespace BowInbox.Core.Scanning;

/// <summary>The short line telling a sender what happened to their message and why.</summary>
internal static class SenderNotice
{
    private const string ContactReason = "contact details are shared only through the platform.";
    private const string PaymentReason = "payments and conversations stay on the platform, which is what protects both sides.";

    public static string? For(ScanVerdict verdict, IReadOnlyList<Finding> findings, IntentLexicon lexicon, string text)
    {
        switch (verdict)
        {
            // Asked to leave, to hand over a contact or to pay outside: told politely, in their own language.
            case ScanVerdict.Blocked when findings.FirstOrDefault(f => f.Action == PolicyAction.Block && IntentLexicon.IsIntent(f.Kind)) is { } intent:
                return lexicon.Notice(lexicon.LanguageOf(text, intent.Language));
            case ScanVerdict.Blocked:
                var blocked = Describe(findings, PolicyAction.Block);
                return $"Your message was not sent: it contained {blocked.Text}. {Capitalize(blocked.Reason)}";
            case ScanVerdict.Redacted:
                var redacted = Describe(findings, PolicyAction.Redact);
                return $"Your message was sent with {redacted.Text} removed: {redacted.Reason}";
            case ScanVerdict.Flagged:
                return "Your message was sent. A reminder: " + PaymentReason;
            default:
                return null;
        }
    }

    private static (string Text, string Reason) Describe(IReadOnlyList<Finding> findings, PolicyAction action)
    {
        var groups = findings.Where(f => f.Action == action).GroupBy(f => f.Kind).OrderBy(g => g.Key).ToList();
        var parts = groups.Select(g => Name(g.Key, g.Count())).ToList();
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        var onlyPayment = groups.All(g => IntentLexicon.IsIntent(g.Key));
        return (text, onlyPayment ? PaymentReason : ContactReason);
    }

    private static string Name(ViolationKind kind, int count) => (kind, count > 1) switch
    {
        (ViolationKind.Phone, false) => "a phone number",
        (ViolationKind.Phone, true) => "phone numbers",
        (ViolationKind.Email, false) => "an email address",
        (ViolationKind.Email, true) => "email addresses",
        (ViolationKind.Link, false) => "a link",
        (ViolationKind.Link, true) => "links",
        (ViolationKind.SocialHandle, false) => "a social media handle",
        (ViolationKind.SocialHandle, true) => "social media handles",
        (ViolationKind.PaymentOutside, false) => "a request to pay outside the platform",
        (ViolationKind.PaymentOutside, true) => "requests to pay outside the platform",
        (ViolationKind.OffPlatformInvite, false) => "an invitation to talk outside the platform",
        (ViolationKind.OffPlatformInvite, true) => "invitations to talk outside the platform",
        (ViolationKind.ContactRequest, false) => "a request for contact details",
        (ViolationKind.ContactRequest, true) => "requests for contact details",
        (ViolationKind.ContactCard, false) => "a contact card",
        _ => "contact cards",
    };

    private static string Capitalize(string sentence) => char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
