using System.Text.RegularExpressions;
using BowInbox.Core.Scanning;

namespace BowInbox.Core.Ai;

/// <summary>A person's name and the role word that stands for it in text sent to an AI service.</summary>
public sealed record AiAlias(string Name, string Role);

/// <summary>
/// Masks text before it leaves for an AI service: the one scanner removes contact details first, then anything
/// number- or email-like it judged innocent, then the names of the people in the conversation become their roles
/// ("Customer", "Technician", "Agent"). Only what this returns is ever sent.
/// </summary>
public static partial class AiMask
{
    public const string Customer = "Customer";
    public const string Technician = "Technician";
    public const string Agent = "Agent";

    private static readonly ContactScanner Scanner = new();

    // Everything the scanner finds is cut out, never blocked: the AI needs the rest of the sentence, not a refusal.
    private static readonly ContentPolicy MaskPolicy = Enum.GetValues<ViolationKind>()
        .Aggregate(ContentPolicy.Default with { Allowlist = [], OwnNumberRegions = [] }, (policy, kind) => policy.WithAction(kind, PolicyAction.Redact));

    public static string Mask(string text, IReadOnlyCollection<AiAlias> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        var scanned = Scanner.Scan(text, MaskPolicy).DeliveredText ?? "";
        var masked = Email().Replace(DigitRun().Replace(scanned, "[number removed]"), "[email removed]");
        foreach (var (word, role) in NameWords(names))
        {
            masked = Regex.Replace(masked, $@"(?<![\p{{L}}\p{{Mn}}]){Regex.Escape(word)}(?![\p{{L}}\p{{Mn}}])", role,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return masked;
    }

    // The whole name first, then each of its words ("Maria" alone is still Maria), longest first so "Ann Marie"
    // is not half replaced by "Ann". Single letters are initials, not names worth hiding, and would eat every "a".
    private static IEnumerable<(string Word, string Role)> NameWords(IEnumerable<AiAlias> names)
        => names
            .Where(n => !string.IsNullOrWhiteSpace(n.Name))
            .SelectMany(n => n.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Prepend(n.Name.Trim()).Select(w => (Word: w, n.Role)))
            .Where(w => w.Word.Length >= 2)
            .DistinctBy(w => w.Word.ToUpperInvariant())
            .OrderByDescending(w => w.Word.Length);

    // Five digits in a row, however spaced, may be part of a number or an id; what a conversation needs (a time,
    // a price) has fewer.
    [GeneratedRegex(@"\+?\d(?:[\s().\-/]*\d){4,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)*")]
    private static partial Regex Email();
}
