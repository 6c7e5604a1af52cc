namespace BowInbox.Core.Scanning;

/// <summary>One hit in a scanned text: <paramref name="Text"/> is exactly what was written at <paramref name="Start"/>.</summary>
public sealed record Finding(ViolationKind Kind, string Text, int Start, int Length, PolicyAction Action)
{
    public int End => Start + Length;

    /// <summary>The language of the phrase that matched, for an intent finding; null otherwise.</summary>
    public string? Language { get; init; }
}
