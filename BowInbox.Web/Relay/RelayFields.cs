using BowInbox.Core.Scanning;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.Relay;

/// <summary>
/// The text that travels around a relayed message's body: the speaker's name, a document's file name, a shared
/// location's name and address. Each goes through the same scanner and policy as the body; a field with a finding
/// is replaced (a name by the alias, a file name by a neutral one, a place by nothing), or blocks the whole message
/// when the policy blocks what it carries.
/// </summary>
public static class RelayFields
{
    /// <summary>The name the other side sees: the given one when it scans clean, otherwise the fallback (the alias).</summary>
    public static string SafeName(RelayScreening screening, ContentPolicy policy, string name, string fallback)
        => screening.ScanText(policy, name).IsClean ? name : fallback;

    /// <summary>
    /// The message as it may cross the relay, with its unsafe fields replaced, and the scans of those fields (empty
    /// when every field was clean).
    /// </summary>
    public static (InboundMessage Safe, IReadOnlyList<ScanResult> Hits) Screen(RelayScreening screening, ContentPolicy policy, InboundMessage inbound)
    {
        var hits = new List<ScanResult>();
        string? Clean(string? field)
        {
            if (string.IsNullOrWhiteSpace(field))
            {
                return field;
            }

            var scan = screening.ScanText(policy, field, inbound.From);
            if (scan.IsClean)
            {
                return field;
            }

            hits.Add(scan);
            return null;
        }

        var safe = inbound;
        if (inbound.Media is { Filename: { } fileName } media && Clean(fileName) is null)
        {
            safe = safe with { Media = media with { Filename = NeutralFileName(fileName) } };
        }

        if (inbound.Location is { } location)
        {
            var name = Clean(location.Name);
            var address = Clean(location.Address);
            if (name != location.Name || address != location.Address)
            {
                safe = safe with { Location = location with { Name = name, Address = address } };
            }
        }

        return (safe, hits);
    }

    /// <summary>
    /// One result for a body and its fields: the body's delivered text (none when anything is blocked), every finding
    /// (a field's that is not blocked counts as removed, since the field was replaced) and the strongest verdict.
    /// </summary>
    public static ScanResult Merge(ScanResult body, IReadOnlyList<ScanResult> fields)
    {
        if (fields.Count == 0)
        {
            return body;
        }

        var fieldFindings = fields.SelectMany(f => f.Findings).Select(f => f.Action == PolicyAction.Block ? f : f with { Action = PolicyAction.Redact });
        var findings = body.Findings.Concat(fieldFindings).ToList();
        var blocked = findings.Any(f => f.Action == PolicyAction.Block);
        var notice = blocked
            ? body.Verdict == ScanVerdict.Blocked ? body.SenderNotice : fields.First(f => f.Verdict == ScanVerdict.Blocked).SenderNotice
            : body.SenderNotice ?? "Your message was sent with contact details removed from its name or address: contact details are shared only through the platform.";
        return new ScanResult(findings, blocked ? ScanVerdict.Blocked : ScanVerdict.Redacted, blocked ? null : body.DeliveredText, notice);
    }

    /// <summary>A file name that says only what kind of file it is.</summary>
    public static string NeutralFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit)
            ? "document" + extension.ToLowerInvariant()
            : "document";
    }
}
