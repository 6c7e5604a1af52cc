using System.Text.Json;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;

namespace BowInbox.Core.Ai;

/// <summary>What the AI made of a request's service, area and urgency, and how sure it was (0 to 1).</summary>
public sealed record AiQualificationHint(string? ServiceType, string? Area, bool Urgent, double Confidence)
{
    /// <summary>
    /// Fills in what the rules left open; the rules win wherever they matched. Below <paramref name="minimumConfidence"/>
    /// the hint changes nothing.
    /// </summary>
    public Qualification Complete(Qualification rules, double minimumConfidence)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Confidence < minimumConfidence)
        {
            return rules;
        }

        var reasons = rules.Reasons.ToList();
        var sure = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"AI, {Math.Round(Confidence * 100)}% sure");
        var service = rules.ServiceType ?? ServiceType;
        if (rules.ServiceType is null && ServiceType is not null)
        {
            reasons.Add($"{ServiceType} from {sure}");
        }

        var area = rules.Area ?? Area;
        if (rules.Area is null && Area is not null)
        {
            reasons.Add($"{Area} from {sure}");
        }

        var urgency = rules.Urgency;
        if (urgency != Urgency.Urgent && Urgent)
        {
            urgency = Urgency.Urgent;
            reasons.Add($"urgent from {sure}");
        }

        return new Qualification(service, area, urgency, reasons);
    }
}

/// <summary>The AI's verdict on one message the scanner let through.</summary>
public sealed record AiLeakOpinion(bool Leak, string Reason);

/// <summary>
/// Reads AI answers defensively: anything malformed is "no suggestion", names outside the configured lists are
/// dropped, and text is masked again before anyone sees it.
/// </summary>
public static class AiAnswers
{
    public const int MaxSuggestions = 3;
    public const int MaxSuggestionLength = 500;

    public static IReadOnlyList<string> Suggestions(string answer, IReadOnlyCollection<AiAlias> names)
        => (answer ?? "").Split('\n')
            .Select(line => line.Trim().TrimStart('-', '*', '•', ' ').Trim())
            .Select(line => line.Length > 2 && char.IsDigit(line[0]) && line[1] is '.' or ')' ? line[2..].Trim() : line)
            .Select(line => line.Trim('"', '“', '”'))
            .Where(line => line.Length > 0 && line.Length <= MaxSuggestionLength)
            .Select(line => AiMask.Mask(line, names))
            .Distinct()
            .Take(MaxSuggestions)
            .ToList();

    public static string? Text(string answer, IReadOnlyCollection<AiAlias> names, int maxLength = 600)
    {
        var text = (answer ?? "").Trim().Trim('"');
        if (text.Length == 0)
        {
            return null;
        }

        text = AiMask.Mask(text, names);
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }

    public static AiQualificationHint? Qualification(string answer, QualificationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (JsonObject(answer) is not { } json)
        {
            return null;
        }

        var service = Known(Field(json, "service"), rules.Services.Select(s => s.Name));
        var area = Known(Field(json, "area"), rules.Areas.Select(a => a.Name));
        var urgent = json.TryGetProperty("urgent", out var u) && u.ValueKind == JsonValueKind.True;
        var confidence = json.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Clamp(c.GetDouble(), 0, 1) : 0;
        return service is null && area is null && !urgent ? null : new AiQualificationHint(service, area, urgent, confidence);
    }

    public static AiLeakOpinion? LeakOpinion(string answer, IReadOnlyCollection<AiAlias> names)
    {
        if (JsonObject(answer) is not { } json || !json.TryGetProperty("leak", out var leak) || leak.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }

        var reason = Text(Field(json, "reason") ?? "", names, 200) ?? "no reason given";
        return new AiLeakOpinion(leak.ValueKind == JsonValueKind.True, reason);
    }

    private static string? Known(string? value, IEnumerable<string> names)
        => value is null ? null : names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? Field(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Models wrap JSON in prose or code fences now and then: the outermost braces are read, nothing else.
    private static JsonElement? JsonObject(string answer)
    {
        var start = (answer ?? "").IndexOf('{', StringComparison.Ordinal);
        var end = (answer ?? "").LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer![start..(end + 1)]);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
