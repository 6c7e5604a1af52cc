using System.Diagnostics;
using System.Globalization;
using System.Text;
using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>Per language: how many leak attempts the scanner stopped and how many clean messages it left alone.</summary>
public sealed record LanguageFigures(string Language, int Leaks, int Stopped, int Clean, int Unchanged)
{
    public double StoppedShare => Leaks == 0 ? 1 : (double)Stopped / Leaks;

    public double UnchangedShare => Clean == 0 ? 1 : (double)Unchanged / Clean;
}

/// <summary>
/// Measures the scanner on a labelled corpus with the shipped default policy. A leak counts as stopped when the
/// message is blocked or the detail is redacted (a flag relays it as written); a clean message counts as
/// unchanged only when the scan finds nothing at all.
/// </summary>
public static class ScannerFigures
{
    public static IReadOnlyList<LanguageFigures> Measure(ContactScanner scanner, IReadOnlyList<LabelledMessage> corpus, ContentPolicy? policy = null)
    {
        var use = policy ?? ContentPolicy.Default;
        return LabelledCorpus.Languages.Select(language =>
        {
            var leaks = corpus.Where(m => m.Language == language && m.IsLeak).ToList();
            var clean = corpus.Where(m => m.Language == language && !m.IsLeak).ToList();
            return new LanguageFigures(
                language,
                leaks.Count,
                leaks.Count(m => IsStopped(scanner.Scan(m.Text, use))),
                clean.Count,
                clean.Count(m => scanner.Scan(m.Text, use).IsClean));
        }).ToList();
    }

    /// <summary>The messages the scanner gets wrong: leaks it does not stop and clean messages it touches.</summary>
    public static IEnumerable<LabelledMessage> Misses(ContactScanner scanner, IReadOnlyList<LabelledMessage> corpus) =>
        corpus.Where(m => m.IsLeak
            ? !IsStopped(scanner.Scan(m.Text, ContentPolicy.Default))
            : !scanner.Scan(m.Text, ContentPolicy.Default).IsClean);

    public static bool IsStopped(ScanResult result) => result.Verdict is ScanVerdict.Blocked or ScanVerdict.Redacted;

    /// <summary>Messages scanned per second over the whole corpus, best of a few rounds (a rough figure, never asserted).</summary>
    public static double MessagesPerSecond(ContactScanner scanner, IReadOnlyList<LabelledMessage> corpus, int rounds = 5)
    {
        foreach (var m in corpus)
        {
            scanner.Scan(m.Text, ContentPolicy.Default);
        }

        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var m in corpus)
            {
                scanner.Scan(m.Text, ContentPolicy.Default);
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return corpus.Count / best;
    }

    public static string Table(string name, IReadOnlyList<LanguageFigures> figures)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{name}: language | leaks stopped | clean unchanged");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {f.Language} | {f.StoppedShare,7:P1} ({f.Stopped}/{f.Leaks}) | {f.UnchangedShare,7:P1} ({f.Unchanged}/{f.Clean})");
        }

        var leaks = figures.Sum(f => f.Leaks);
        var clean = figures.Sum(f => f.Clean);
        var stopped = figures.Sum(f => f.Stopped);
        var unchanged = figures.Sum(f => f.Unchanged);
        text.AppendLine(CultureInfo.InvariantCulture, $"  all | {(double)stopped / leaks,7:P1} ({stopped}/{leaks}) | {(double)unchanged / clean,7:P1} ({unchanged}/{clean})");
        return text.ToString();
    }
}
