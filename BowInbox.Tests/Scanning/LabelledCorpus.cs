namespace BowInbox.Tests.Scanning;

/// <summary>One labelled message: a leak attempt of a kind, or a clean job message holding something of a kind.</summary>
public sealed record LabelledMessage(bool IsLeak, string Language, string Kind, string Text);

/// <summary>
/// The multilingual corpora in <c>Scanning/Corpus</c>, "label&lt;TAB&gt;language&lt;TAB&gt;kind&lt;TAB&gt;text" lines
/// (label <c>leak</c> or <c>clean</c>; language <c>en es pt fr de hi</c>, hi being Hinglish).
/// <c>tuning.tsv</c> is the one the scanner may be tuned on (since the second round it also holds the first held-out
/// batch, since the third the second, since the fourth the third, since the fifth the fourth, since the sixth the
/// fifth, since the seventh the sixth, since the eighth the seventh); <c>heldout8.tsv</c> was written before the
/// eighth round of tuning, in other words, and only its aggregate figures are ever read. It is read on first use, so the tuning figures can be measured on their own.
/// </summary>
public static class LabelledCorpus
{
    public static readonly string[] Languages = ["en", "es", "pt", "fr", "de", "hi"];

    public static IReadOnlyList<LabelledMessage> Tuning { get; } = Read("tuning.tsv");

    private static readonly Lazy<IReadOnlyList<LabelledMessage>> HeldOutBatch = new(() => Read("heldout8.tsv"));

    public static IReadOnlyList<LabelledMessage> HeldOut => HeldOutBatch.Value;

    private static List<LabelledMessage> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Scanning", "Corpus", file))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            .Select(Parse)
            .ToList();

    private static LabelledMessage Parse(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 4 || parts[0] is not ("leak" or "clean") || !Languages.Contains(parts[1]))
        {
            throw new InvalidDataException($"Not a corpus line: '{line}'");
        }

        return new LabelledMessage(parts[0] == "leak", parts[1], parts[2], parts[3]);
    }
}
