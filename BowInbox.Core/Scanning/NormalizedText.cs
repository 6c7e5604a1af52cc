namespace BowInbox.Core.Scanning;

/// <summary>
/// A message with look-alike characters folded to ASCII, and the way back to the original's
/// positions so that findings point at what the sender actually wrote.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[]? map;

    public NormalizedText(string original, string text, int[]? map)
    {
        Original = original;
        Text = text;
        this.map = map;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>The original index where the character at normalized <paramref name="index"/> came from.</summary>
    public int ToOriginal(int index) => map is null ? index : map[index];

    public (int Start, int Length) ToOriginal(int start, int end)
    {
        var s = ToOriginal(start);
        return (s, ToOriginal(end) - s);
    }

    /// <summary>True when the sender wrote this stretch with characters other than the ASCII we read.</summary>
    public bool WasDisguised(int start, int end)
    {
        if (map is null)
        {
            return false;
        }

        var (s, length) = ToOriginal(start, end);
        return !Original.AsSpan(s, length).SequenceEqual(Text.AsSpan(start, end - start));
    }
}
