using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Intake;

/// <summary>
/// Every automatic message to a customer, per language, as a key → template table with named placeholders
/// (<c>{firstName}</c>, <c>{ticket}</c>). English, Spanish and Portuguese are built in (<c>Intake/Texts/*.json</c>);
/// a marketplace adds languages or rewords keys with files of the same shape (<see cref="With"/>).
/// A key missing in a language falls back to English, so a partial translation never leaves a customer without an answer.
/// </summary>
public sealed partial class CustomerTexts
{
    public const string Fallback = CustomerLanguage.English;

    private readonly Dictionary<string, Dictionary<string, string>> byLanguage;

    private CustomerTexts(Dictionary<string, Dictionary<string, string>> byLanguage) => this.byLanguage = byLanguage;

    /// <summary>The built-in English, Spanish and Portuguese texts.</summary>
    public static CustomerTexts BuiltIn { get; } = LoadBuiltIn();

    public IReadOnlyCollection<string> Languages => byLanguage.Keys;

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/> (else English) with its placeholders filled.</summary>
    public string Get(string language, string key, params (string Name, string Value)[] values)
    {
        var template = Find(language, key) ?? throw new KeyNotFoundException($"No customer text '{key}' in English.");
        return Placeholder().Replace(template, m => values.FirstOrDefault(v => v.Name == m.Groups[1].Value) is { Name: not null } hit ? hit.Value : m.Value);
    }

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/> (else English), or null when no language has it.</summary>
    public string? Find(string language, string key)
        => byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
            : byLanguage.TryGetValue(Fallback, out var english) && english.TryGetValue(key, out var fallback) ? fallback
            : null;

    /// <summary>What <paramref name="key"/> says in every language: the titles a customer may tap or type back.</summary>
    public IEnumerable<string> InEveryLanguage(string key)
        => byLanguage.Values.Select(t => t.GetValueOrDefault(key)).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>These texts with <paramref name="language"/>'s keys added or replaced from a JSON object of strings.</summary>
    /// <exception cref="JsonException">The JSON is not an object of strings.</exception>
    public CustomerTexts With(string language, string json)
    {
        var added = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? throw new JsonException("The texts must be a JSON object of strings.");
        var copy = byLanguage.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        var texts = copy.TryGetValue(language, out var existing) ? existing : copy[language] = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in added)
        {
            texts[key] = value;
        }

        return new CustomerTexts(copy);
    }

    private static CustomerTexts LoadBuiltIn()
    {
        var empty = new CustomerTexts(new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase));
        var assembly = typeof(CustomerTexts).Assembly;
        return CustomerLanguage.BuiltIn.Aggregate(empty, (texts, language) => texts.With(language, Read(assembly, language)));
    }

    private static string Read(Assembly assembly, string language)
    {
        using var stream = assembly.GetManifestResourceStream($"BowInbox.Intake.Texts.{language}.json")
            ?? throw new InvalidOperationException($"The built-in customer texts for '{language}' are missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
