using System.Globalization;
using System.Text.RegularExpressions;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.Routing;

/// <summary>What a provider reads about a lead before accepting it. Built from qualification and a scrubbed summary, never from the contact.</summary>
public static partial class OfferText
{
    public const int SummaryLength = 160;

    public const string AcceptPrefix = "offer:accept:";
    public const string DeclinePrefix = "offer:decline:";

    public static string UrgencyLabel(Urgency urgency) => urgency == Urgency.Urgent ? "URGENT" : "normal";

    public static string Body(int ticketId, string? service, string? area, Urgency urgency, string summary, TimeSpan expiresIn)
        => string.Create(CultureInfo.InvariantCulture,
            $"New job #{ticketId}: {service ?? "service not set"} in {area ?? "area not set"}, urgency {UrgencyLabel(urgency)}.\n\"{summary}\"\n" +
            $"Accept within {(int)expiresIn.TotalMinutes} min. Reply /accept {ticketId} or /decline {ticketId}.");

    public static IReadOnlyList<string> TemplateParameters(int ticketId, string? service, string? area, Urgency urgency, string summary)
        => [ticketId.ToString(CultureInfo.InvariantCulture), service ?? "service not set", area ?? "area not set", UrgencyLabel(urgency), summary];

    public static IReadOnlyList<ReplyButton> Buttons(long offerId)
        => [new(AcceptPrefix + offerId.ToString(CultureInfo.InvariantCulture), "Accept"), new(DeclinePrefix + offerId.ToString(CultureInfo.InvariantCulture), "Decline")];

    public static IReadOnlyList<string> QuickReplyPayloads(long offerId) => Buttons(offerId).Select(b => b.Id).ToList();

    /// <summary>
    /// The customer's own words, shortened, with contact details removed by the content scanner (phones,
    /// emails, links and handles are always redacted here, whatever the relay policy says).
    /// </summary>
    public static string Summary(IEnumerable<string> customerTexts)
    {
        var joined = string.Join(" / ", customerTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
        var scrubbed = Scrub(joined);
        var oneLine = Whitespace().Replace(scrubbed, " ").Trim();
        if (oneLine.Length == 0)
        {
            return "no description yet";
        }

        return oneLine.Length <= SummaryLength ? oneLine : oneLine[..(SummaryLength - 1)] + "…";
    }

    public static string Scrub(string text)
    {
        var scanned = Scanner.Scan(text, SummaryPolicy).DeliveredText ?? "";

        // Belt and braces: nothing number- or email-like survives, even what the scanner judged innocent.
        return Email().Replace(PhoneLike().Replace(scanned, "[number removed]"), "[email removed]");
    }

    private static readonly BowInbox.Core.Scanning.ContactScanner Scanner = new();

    private static readonly BowInbox.Core.Scanning.ContentPolicy SummaryPolicy = BowInbox.Core.Scanning.ContentPolicy.Default
        .WithAction(BowInbox.Core.Scanning.ViolationKind.Phone, BowInbox.Core.Scanning.PolicyAction.Redact)
        .WithAction(BowInbox.Core.Scanning.ViolationKind.Email, BowInbox.Core.Scanning.PolicyAction.Redact)
        .WithAction(BowInbox.Core.Scanning.ViolationKind.Link, BowInbox.Core.Scanning.PolicyAction.Redact)
        .WithAction(BowInbox.Core.Scanning.ViolationKind.SocialHandle, BowInbox.Core.Scanning.PolicyAction.Redact)
        .WithAction(BowInbox.Core.Scanning.ViolationKind.ContactCard, BowInbox.Core.Scanning.PolicyAction.Redact);

    [GeneratedRegex(@"\+?\d(?:[\s().\-]*\d){6,}")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
