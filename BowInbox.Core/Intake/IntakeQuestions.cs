using System.Globalization;
using BowInbox.Core.Routing;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Core.Intake;

/// <summary>The questions intake asks, in this order, one at a time.</summary>
public enum IntakeStep
{
    Service = 0,
    Area = 1,
    Urgency = 2,
}

/// <summary>One choice of a question: a list row or a reply button.</summary>
public sealed record IntakeChoice(string Id, string Title);

/// <summary>
/// A question to the customer: a list (<see cref="ListButton"/> set) or reply buttons. <see cref="Kind"/> is the
/// ticket timeline entry that records it was asked, so it is never asked twice.
/// </summary>
public sealed record IntakeQuestion(IntakeStep Step, string Body, string? ListButton, IReadOnlyList<IntakeChoice> Choices)
{
    public string Kind => KindOf(Step);

    /// <summary>When set, a location request (WhatsApp's "Send location" button) with this text follows the question.</summary>
    public string? LocationPrompt { get; init; }

    /// <summary>How the question reads in the inbox thread: the body, then the choices offered.</summary>
    public string AsText => $"{Body} [{string.Join(" / ", Choices.Select(c => c.Title))}]";

    public static string KindOf(IntakeStep step) => "asked-" + step.ToString().ToLowerInvariant();

    /// <summary>The WhatsApp request body: a single-section list, or up to three reply buttons.</summary>
    public string Payload()
        => ListButton is null
            ? OutboundPayloads.ReplyButtons(Body, [.. Choices.Select(c => new ReplyButton(c.Id, c.Title))])
            : OutboundPayloads.List(Body, ListButton, [new ListSection(null, [.. Choices.Select(c => new ListRow(c.Id, c.Title, null))])]);
}

/// <summary>Builds the intake questions in the customer's language, and reads the answers back.</summary>
public static class IntakeQuestions
{
    /// <summary>The service types the groups cover, as a list (at most ten rows, WhatsApp's limit).</summary>
    public static IntakeQuestion Service(CustomerTexts texts, string language, IEnumerable<string> services)
        => new(IntakeStep.Service, texts.Get(language, "ask.service"), Short(texts.Get(language, "ask.service.button"), WhatsAppLimits.MaxListButtonTextLength),
            Choices("service", services, name => Label(texts, language, "service", name)));

    /// <summary>The areas the groups cover (for the service when it is known); offers sharing a location when areas have circles.</summary>
    public static IntakeQuestion Area(CustomerTexts texts, string language, IEnumerable<string> areas, bool offersLocation)
        => new(IntakeStep.Area, texts.Get(language, "ask.area"), Short(texts.Get(language, "ask.area.button"), WhatsAppLimits.MaxListButtonTextLength),
            Choices("area", areas, name => Label(texts, language, "area", name)))
        {
            LocationPrompt = offersLocation ? texts.Get(language, "ask.area.location") : null,
        };

    /// <summary>Emergency / Today / This week as reply buttons.</summary>
    public static IntakeQuestion Urgency(CustomerTexts texts, string language)
        => new(IntakeStep.Urgency, texts.Get(language, "ask.urgency"), null,
            [.. UrgencyKeys.Select(k => new IntakeChoice("intake:urgency:" + k.Value, Short(texts.Get(language, k.Value), WhatsAppLimits.MaxReplyButtonTitleLength)))]);

    /// <summary>What a customer sees for a service or area: the text for <c>service.plumbing</c> if there is one, else the name itself.</summary>
    public static string Label(CustomerTexts texts, string language, string kind, string name)
        => texts.Find(language, $"{kind}.{name.Trim().ToLowerInvariant()}") ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Trim());

    /// <summary>
    /// The rules, with every service's and area's name and labels (in every language) added to its words, so a tapped
    /// list row ("Fontanería") or a typed name qualifies the request like a keyword does.
    /// </summary>
    public static QualificationRules Understanding(QualificationRules rules, CustomerTexts texts)
        => rules with
        {
            Services = [.. rules.Services.Select(s => s with { Keywords = [.. s.Keywords, .. Titles(texts, "service", s.Name)] })],
            Areas = [.. rules.Areas.Select(a => a with { PlaceWords = [.. a.PlaceWords ?? [], .. Titles(texts, "area", a.Name)] })],
        };

    /// <summary>The customer's answer to the urgency question in any of <paramref name="texts"/>' languages: the latest that is one.</summary>
    public static UrgencyAnswer? ReadUrgency(IEnumerable<string> answers, CustomerTexts texts)
    {
        UrgencyAnswer? found = null;
        foreach (var answer in answers)
        {
            var folded = FoldedText.FromMessages([answer]);
            foreach (var (urgency, key) in UrgencyKeys)
            {
                if (texts.InEveryLanguage(key).Concat(UrgencyWords[urgency]).Any(w => folded.FirstIndexOf(w) is not null))
                {
                    found = urgency;
                    break;
                }
            }
        }

        return found;
    }

    private static readonly IReadOnlyList<(UrgencyAnswer Key, string Value)> UrgencyKeys =
        [(UrgencyAnswer.Emergency, "urgency.emergency"), (UrgencyAnswer.Today, "urgency.today"), (UrgencyAnswer.ThisWeek, "urgency.week")];

    // Typed answers beyond the button titles; emergencies are checked first, so "today, it's an emergency" is one.
    private static readonly Dictionary<UrgencyAnswer, string[]> UrgencyWords = new()
    {
        [UrgencyAnswer.Emergency] = ["emergency", "urgent", "asap", "right now", "emergencia", "urgente", "ahora mismo", "agora mesmo", "emergência"],
        [UrgencyAnswer.Today] = ["today", "tonight", "this afternoon", "hoy", "esta tarde", "hoje", "hoje mesmo"],
        [UrgencyAnswer.ThisWeek] = ["this week", "week", "no rush", "not urgent", "semana", "sin prisa", "no es urgente", "sem pressa", "nao e urgente"],
    };

    private static IEnumerable<string> Titles(CustomerTexts texts, string kind, string name)
        => texts.InEveryLanguage($"{kind}.{name.Trim().ToLowerInvariant()}").Append(name);

    private static List<IntakeChoice> Choices(string kind, IEnumerable<string> names, Func<string, string> label)
        => [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).DistinctBy(n => n.Trim().ToLowerInvariant()).Take(WhatsAppLimits.MaxListRows)
            .Select(n => new IntakeChoice(Short($"intake:{kind}:{n.Trim().ToLowerInvariant()}", WhatsAppLimits.MaxListRowIdLength), Short(label(n), WhatsAppLimits.MaxListRowTitleLength)))];

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>How soon the customer needs someone, as they answered the urgency question.</summary>
public enum UrgencyAnswer
{
    Emergency = 0,
    Today = 1,
    ThisWeek = 2,
}
