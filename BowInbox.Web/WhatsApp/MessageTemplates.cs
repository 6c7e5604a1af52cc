using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// A WhatsApp message template that must be approved in the Meta account before it can be sent: outside the
/// 24-hour window nothing else goes through. <see cref="Body"/> is the text to submit, with its numbered parameters.
/// </summary>
public sealed partial record MessageTemplate(string Name, string Language, string SentTo, string Body, IReadOnlyList<string> Parameters, IReadOnlyList<string> QuickReplies, TemplateCategory Category = TemplateCategory.Utility)
{
    /// <summary>The send payload; the parameters must match the approved template's, in number and order.</summary>
    public string Payload(IReadOnlyList<string> parameters, IReadOnlyList<string>? quickReplyPayloads = null)
    {
        CheckCount(parameters);

        if ((quickReplyPayloads?.Count ?? 0) != QuickReplies.Count)
        {
            throw new ArgumentException($"Template {Name} has {QuickReplies.Count} quick-reply buttons.", nameof(quickReplyPayloads));
        }

        return OutboundPayloads.Template(Name, Language, parameters, quickReplyPayloads);
    }

    /// <summary>
    /// The body with its parameters filled in, in one pass (a parameter that itself reads <c>{{2}}</c> stays as it is):
    /// the same words as a free-form text, inside the 24-hour window.
    /// </summary>
    public string Text(IReadOnlyList<string> parameters)
    {
        CheckCount(parameters);

        return Placeholder().Replace(Body, m => parameters[int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) - 1]);
    }

    private void CheckCount(IReadOnlyList<string> parameters)
    {
        if (parameters.Count != Parameters.Count)
        {
            throw new ArgumentException($"Template {Name} takes {Parameters.Count} parameters ({string.Join(", ", Parameters)}), not {parameters.Count}.", nameof(parameters));
        }
    }

    [GeneratedRegex(@"\{\{(\d+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>Every template BowInbox sends: the one list senders use, the README documents and a test checks.</summary>
public static class MessageTemplates
{
    /// <summary>
    /// The same template approved in the customer's language: Meta keys templates by name and language code, so a
    /// marketplace registers <c>job_assigned</c> once per language it answers in (Portuguese as <c>pt_BR</c>).
    /// </summary>
    public static MessageTemplate InLanguage(MessageTemplate template, string language) => language switch
    {
        Core.Intake.CustomerLanguage.English => template,
        Core.Intake.CustomerLanguage.Portuguese => template with { Language = "pt_BR" },
        _ => template with { Language = language },
    };

    public static readonly MessageTemplate JobBriefing = new(
        "job_briefing", "en", "provider, from a pool number, when a job is assigned",
        "New job #{{1}}: {{2}} in {{3}} for {{4}}. Reply here to talk to the customer.",
        ["job number", "service", "area", "customer alias and first name"], []);

    public static readonly MessageTemplate JobAssigned = new(
        "job_assigned", "en", "customer, from the central number, when a provider takes the job",
        "Hi {{1}}, {{2}}, your {{3}}, is taking care of request #{{4}}. Reply here to talk to them.",
        ["customer first name", "provider first name", "role (plumber, electrician...)", "job number"], []);

    public static readonly MessageTemplate RelayedMessage = new(
        "relayed_message", "en", "either side, carrying a relayed text when the recipient's window is closed",
        "#{{1}} {{2}}: {{3}}",
        ["job number", "who wrote (first name)", "the text, as scanned"], []);

    public static readonly MessageTemplate RelayIdleClosed = new(
        "relay_idle_closed", "en", "provider, from a pool number, when a quiet conversation is closed outside their window",
        "Job #{{1}} was quiet for {{2}} days, so this conversation is closed for now. The job is still yours: if the customer writes again, their message reaches you from one of our numbers.",
        ["job number", "days of quiet"], []);

    public static readonly MessageTemplate NewLeadOffer = new(
        "new_lead_offer", "en", "provider, from a pool number, offering a lead outside their window",
        "New job #{{1}}: {{2}} in {{3}}, urgency {{4}}. \"{{5}}\" Accept or decline below.",
        ["job number", "service", "area", "urgency", "customer's words, scanned and shortened"], ["Accept", "Decline"]);

    public static readonly MessageTemplate SlaBreachAlert = new(
        "sla_breach_alert", "en", "supervisor, from the central number, on an SLA breach (when an Admin turned it on)",
        "SLA breach on job #{{1}}: {{2}}. Open the supervisor page in BowInbox to act.",
        ["job number", "what is late (target and due time)"], []);

    public static readonly MessageTemplate RequestFollowUp = new(
        "request_follow_up", "en", "customer, sent by staff from the inbox",
        "Hi {{1}}, this is the team following up on your request #{{2}}. Reply to this message to continue.",
        ["customer first name", "job number"], []);

    public static readonly MessageTemplate VisitReminder = new(
        "visit_reminder", "en", "customer, sent by staff from the inbox",
        "Hi {{1}}, a reminder about your request #{{2}}: reply here if anything changed.",
        ["customer first name", "job number"], []);

    public static IReadOnlyList<MessageTemplate> All { get; } = [JobBriefing, JobAssigned, RelayedMessage, RelayIdleClosed, NewLeadOffer, SlaBreachAlert, RequestFollowUp, VisitReminder];

    /// <summary>The README's "WhatsApp templates to approve" table; a test keeps the README equal to it.</summary>
    public static string MarkdownTable()
    {
        var table = new StringBuilder("| name | language | category | sent to | body | parameters | quick replies |\n|---|---|---|---|---|---|---|\n");
        foreach (var t in All)
        {
            var parameters = string.Join("; ", t.Parameters.Select((p, i) => $"{{{{{i + 1}}}}} {p}"));
            var quickReplies = t.QuickReplies.Count == 0 ? "–" : string.Join(", ", t.QuickReplies);
            table.Append($"| `{t.Name}` | `{t.Language}` | {t.Category} | {t.SentTo} | {t.Body.Replace("|", "\\|", StringComparison.Ordinal)} | {parameters} | {quickReplies} |\n");
        }

        return table.ToString();
    }
}
