using System.Diagnostics;
using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>
/// Every relayed message is scanned, so a scan must stay cheap. The limits are generous on purpose
/// (the build machine is shared); what they catch is a pattern that backtracks badly.
/// </summary>
public sealed class ScannerPerformanceTests
{
    private readonly ContactScanner scanner = new();

    [Fact]
    public void Scanning_a_typical_message_takes_well_under_a_millisecond()
    {
        var messages = ScanCorpus.Clean.Concat(ScanCorpus.Leaks.Select(leak => leak.Message)).ToList();
        for (var warmUp = 0; warmUp < 20; warmUp++)
        {
            messages.ForEach(m => scanner.Scan(m, ContentPolicy.Default));
        }

        const int rounds = 20;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            messages.ForEach(m => scanner.Scan(m, ContentPolicy.Default));
        }

        var perMessage = clock.Elapsed / (rounds * messages.Count);
        var report = $"Average scan: {perMessage.TotalMicroseconds:F0} µs over {messages.Count} messages of {messages.Average(m => m.Length):F0} characters";
        TestContext.Current.SendDiagnosticMessage(report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);
        Assert.True(perMessage < TimeSpan.FromMilliseconds(1), report);
    }

    [Theory]
    [InlineData("juan at ")]
    [InlineData("x dot ")]
    [InlineData("a.")]
    [InlineData("a")]
    [InlineData("5 ")]
    [InlineData("five ")]
    [InlineData("@abc ")]
    [InlineData("pay me ")]
    [InlineData("a1.b2@c3 ")]
    [InlineData("(at)")]
    public void The_longest_repetitive_message_WhatsApp_allows_is_scanned_quickly(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 4096 / unit.Length));
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            scanner.Scan(text, ContentPolicy.Default);
        }

        var clock = Stopwatch.StartNew();
        scanner.Scan(text, ContentPolicy.Default);

        var report = $"{clock.Elapsed.TotalMilliseconds:F1} ms for '{unit}' x {text.Length / unit.Length}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), report);
    }
}
