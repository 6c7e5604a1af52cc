using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>
/// Crafted, repetitive messages at WhatsApp's length limit are scanned to the end without a regex
/// giving up. Speed itself is measured by the benchmark, never asserted here.
/// </summary>
public sealed class ScannerRobustnessTests
{
    private readonly ContactScanner scanner = new();

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
    public void The_longest_repetitive_message_WhatsApp_allows_is_scanned_to_a_verdict(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 4096 / unit.Length));

        var result = scanner.Scan(text, ContentPolicy.Default);

        Assert.True(Enum.IsDefined(result.Verdict));
        Assert.True(result.Verdict == ScanVerdict.Blocked || result.DeliveredText is not null);
        Assert.All(result.Findings, f => Assert.InRange(f.End, 0, text.Length));
    }
}
