using System.Text.RegularExpressions;

namespace BowInbox.Core.Routing;

/// <summary>
/// Finds the area whose postcode (or postcode prefix) a customer wrote: "10001", "SW1A 1AA", "01310-100". Spaces and
/// hyphens do not count; the longest configured prefix wins, so "SW11" in one area beats "SW1" in another.
/// </summary>
public static partial class Postcodes
{
    /// <summary>A configured postcode or prefix is usable when it has at least two letters or digits and a digit.</summary>
    public static bool IsValid(string postcode)
    {
        var folded = Fold(postcode);
        return folded.Length >= 2 && folded.Length <= 10 && folded.All(char.IsAsciiLetterOrDigit) && folded.Any(char.IsAsciiDigit);
    }

    /// <summary>The area and the postcode as written, or null when no written postcode starts with a configured one.</summary>
    public static (string Area, string Written)? Match(IEnumerable<string> texts, IEnumerable<AreaRule> areas)
    {
        var prefixes = areas
            .SelectMany(a => (a.Postcodes ?? []).Where(IsValid).Select(p => (a.Name, Prefix: Fold(p))))
            .OrderByDescending(p => p.Prefix.Length)
            .ToList();
        if (prefixes.Count == 0)
        {
            return null;
        }

        foreach (var written in texts.SelectMany(Candidates))
        {
            var folded = Fold(written);
            if (prefixes.FirstOrDefault(p => folded.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Name: not null } hit)
            {
                return (hit.Name, written);
            }
        }

        return null;
    }

    // Postcode-shaped pieces of text: letters and digits with at least one digit, optionally followed by a second
    // part after a space or hyphen that starts with a digit (the UK inward code, the US ZIP+4, the Brazilian CEP).
    private static IEnumerable<string> Candidates(string text)
        => PostcodePattern().Matches(text).Select(m => m.Value).Where(v => Fold(v).Length is >= 4 and <= 10 && v.Any(char.IsAsciiDigit));

    private static string Fold(string postcode)
        => string.Concat(postcode.Where(c => c is not (' ' or '-'))).ToUpperInvariant();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{0,2}\d[A-Za-z0-9]{0,4}(?:[ -]\d[A-Za-z0-9]{1,3})?(?![\p{L}\p{N}])")]
    private static partial Regex PostcodePattern();
}
