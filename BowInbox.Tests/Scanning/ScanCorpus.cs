namespace BowInbox.Tests.Scanning;

/// <summary>
/// The labelled messages in <c>Scanning/Corpus</c>: <c>leaks.txt</c> holds "Kind&lt;TAB&gt;message" lines,
/// <c>clean.txt</c> one message per line; blank lines and lines starting with "#" are comments.
/// </summary>
public static class ScanCorpus
{
    public static IReadOnlyList<(string Kind, string Message)> Leaks { get; } =
        Read("leaks.txt").Select(line => line.Split('\t', 2)).Select(parts => (parts[0], parts[1])).ToList();

    public static IReadOnlyList<string> Clean { get; } = Read("clean.txt").ToList();

    private static IEnumerable<string> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Scanning", "Corpus", file))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'));
}
