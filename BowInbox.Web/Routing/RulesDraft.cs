using BowInbox.Core.Routing;

namespace BowInbox.Web.Routing;

/// <summary>
/// Qualification rules while an Admin edits them as keyword chips: services and areas with their words, and the
/// urgency words. Nothing is stored until the form's one Save, which validates the whole set like the JSON import.
/// </summary>
public sealed class RulesDraft
{
    public List<RuleDraft> Services { get; } = [];

    public List<RuleDraft> Areas { get; } = [];

    public RuleDraft Urgency { get; } = new("urgency", [], null);

    public static RulesDraft From(QualificationRules rules)
    {
        var draft = new RulesDraft();
        draft.Services.AddRange(rules.Services.Select(s => new RuleDraft(s.Name, s.Keywords, null)));
        draft.Areas.AddRange(rules.Areas.Select(a => new RuleDraft(a.Name, a.PlaceWords ?? [], a.Circle) { Postcodes = a.Postcodes }));
        draft.Urgency.Words.AddRange(rules.UrgencyWords);
        return draft;
    }

    public QualificationRules ToRules() => new(
        Services.Select(s => new ServiceRule(s.Name, s.Words.ToList())).ToList(),
        Areas.Select(a => new AreaRule(a.Name, a.Words.ToList(), a.Circle, a.Postcodes)).ToList(),
        Urgency.Words.ToList());
}

/// <summary>One service or area: its name, its words (each once, whatever the case) and an area's optional circle and postcodes.</summary>
public sealed class RuleDraft(string name, IEnumerable<string> words, GeoCircle? circle)
{
    public string Name { get; set; } = name;

    public List<string> Words { get; } = words.ToList();

    public GeoCircle? Circle { get; } = circle;

    /// <summary>An area's postcodes, kept as they are: the chips edit words only, the JSON import edits postcodes.</summary>
    public IReadOnlyList<string>? Postcodes { get; init; }

    /// <summary>Adds the typed words (commas separate several); blanks and words already there are skipped.</summary>
    public void Add(string? typed)
    {
        foreach (var word in (typed ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                Words.Add(word);
            }
        }
    }
}
