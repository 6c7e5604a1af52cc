namespace BowInbox.Core.Insurance;

/// <summary>
/// An insurance company the marketplace relays for: the names customers call it by, the shapes of its policy numbers,
/// and the two provider groups that answer for it (the support desk first, underwriting on handoff).
/// </summary>
public class Insurer
{
    public const int MaxNameLength = 100;
    public const int MaxListLength = 2000;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Other names customers use ("Acme", "Acme Seguros"), one per line.</summary>
    public string Aliases { get; set; } = "";

    /// <summary>Regular expressions of its policy numbers (<c>POL-\d{8}</c>), one per line.</summary>
    public string PolicyPatterns { get; set; } = "";

    public int DeskGroupId { get; set; }

    public int? UnderwritingGroupId { get; set; }

    public IReadOnlyList<string> AliasList => Lines(Aliases);

    public IReadOnlyList<string> PatternList => Lines(PolicyPatterns);

    /// <summary>The lines of a multi-line field, trimmed, without blanks.</summary>
    public static IReadOnlyList<string> Lines(string? text)
        => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
