using System.Text;

namespace BowInbox.Core.Scanning;

/// <summary>
/// The one scanner every relayed message goes through: finds phone numbers, emails, links, social
/// handles and off-platform requests, applies the content policy, and says what to deliver.
/// Stateless and thread-safe; register it once.
/// </summary>
public sealed class ContactScanner(IntentLexicon lexicon, ScannerRegions regions)
{
    private const string CardRemoved = "[contact card removed]";

    public ContactScanner()
        : this(IntentLexicon.Default, ScannerRegions.None)
    {
    }

    /// <summary>
    /// Scans <paramref name="text"/>; <paramref name="senderRegion"/> (ISO country, from the number the sender writes
    /// from) is tried first for numbers written without a country code.
    /// </summary>
    public ScanResult Scan(string text, ContentPolicy policy, string? senderRegion)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Scan(text, regions.Apply(policy, senderRegion));
    }

    public ScanResult Scan(string text, ContentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ScanResult.Clean(text);
        }

        var input = TextNormalizer.Normalize(text);
        var found = new List<Finding>();
        PhoneFinder.Find(input, policy, found);
        EmailFinder.Find(input, policy, found);
        LinkFinder.Find(input, policy, found);
        HandleFinder.Find(input, policy, found);
        HandleInvitations.Find(input, policy, found);
        lexicon.Find(input, policy, found);
        SkipPolicyNumbers(text, policy, found);
        if (found.Count == 0)
        {
            return ScanResult.Clean(text);
        }

        var findings = Merge(text, found);
        var verdict = VerdictOf(findings);
        var delivered = verdict == ScanVerdict.Blocked ? null : Redact(text, findings);
        return new ScanResult(findings, verdict, delivered, SenderNotice.For(verdict, findings, lexicon, text));
    }

    // "POL-55501001" reads like a phone number to the phone finder; inside a configured policy pattern it is the policy.
    private static void SkipPolicyNumbers(string text, ContentPolicy policy, List<Finding> found)
    {
        if (policy.PolicyNumberPatterns.Count == 0 || !found.Any(f => f.Kind == ViolationKind.Phone))
        {
            return;
        }

        var spans = Insurance.PolicyPatterns.Matches(text, policy.PolicyNumberPatterns).ToList();
        found.RemoveAll(f => f.Kind == ViolationKind.Phone && spans.Any(s => f.Start >= s.Start && f.End <= s.Start + s.Length));
    }

    /// <summary>
    /// A shared WhatsApp contact card always carries someone's details, so it is always a finding,
    /// whatever the names, numbers and addresses on it.
    /// </summary>
    public ScanResult ScanContactCard(IReadOnlyList<string> names, IReadOnlyList<string> phones, IReadOnlyList<string> emails, ContentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(policy);

        var card = string.Join(", ", names.Concat(phones).Concat(emails).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()));
        var summary = card.Length == 0 ? "(empty contact card)" : card;
        var action = policy.ContactCard;
        var findings = new[] { new Finding(ViolationKind.ContactCard, summary, 0, summary.Length, action) };
        var verdict = VerdictOf(findings);
        var delivered = action switch
        {
            PolicyAction.Block => null,
            PolicyAction.Redact => CardRemoved,
            _ => summary,
        };
        return new ScanResult(findings, verdict, delivered, SenderNotice.For(verdict, findings, lexicon, summary));
    }

    /// <summary>
    /// Overlapping hits become one finding. A hit inside another is part of it ("gmail dot com" inside
    /// "juan at gmail dot com" is the email, not also a link); hits that only overlap are joined, named
    /// after the longer and acted on by the stronger action.
    /// </summary>
    private static List<Finding> Merge(string text, List<Finding> found)
    {
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Kind.CompareTo(b.Kind));
        var merged = new List<Finding>(found.Count);
        foreach (var finding in found)
        {
            if (merged.Count == 0 || merged[^1].End <= finding.Start)
            {
                merged.Add(finding);
                continue;
            }

            var current = merged[^1];
            if (finding.End <= current.End)
            {
                continue;
            }

            var kind = finding.Length > current.Length ? finding.Kind : current.Kind;
            var action = Strength(finding.Action) > Strength(current.Action) ? finding.Action : current.Action;
            merged[^1] = current with { Kind = kind, Action = action, Text = text[current.Start..finding.End], Length = finding.End - current.Start };
        }

        return merged;
    }

    private static int Strength(PolicyAction action) => action switch
    {
        PolicyAction.Block => 2,
        PolicyAction.Redact => 1,
        _ => 0,
    };

    private static ScanVerdict VerdictOf(IReadOnlyList<Finding> findings)
    {
        if (findings.Any(f => f.Action == PolicyAction.Block))
        {
            return ScanVerdict.Blocked;
        }

        return findings.Any(f => f.Action == PolicyAction.Redact) ? ScanVerdict.Redacted : ScanVerdict.Flagged;
    }

    private static string Redact(string text, IReadOnlyList<Finding> findings)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var finding in findings.Where(f => f.Action == PolicyAction.Redact))
        {
            builder.Append(text, at, finding.Start - at).Append(Placeholder(finding.Kind));
            at = finding.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    private static string Placeholder(ViolationKind kind) => kind switch
    {
        ViolationKind.Phone => "[phone removed]",
        ViolationKind.Email => "[email removed]",
        ViolationKind.Link => "[link removed]",
        ViolationKind.SocialHandle => "[handle removed]",
        ViolationKind.PaymentOutside or ViolationKind.OffPlatformInvite or ViolationKind.ContactRequest => "[removed]",
        _ => CardRemoved,
    };
}
