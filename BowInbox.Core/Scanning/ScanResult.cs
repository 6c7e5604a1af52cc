namespace BowInbox.Core.Scanning;

/// <summary>
/// What the relay should do with a message. <see cref="DeliveredText"/> is null when the message is
/// blocked; <see cref="SenderNotice"/> is null when there is nothing to tell the sender.
/// </summary>
public sealed record ScanResult(
    IReadOnlyList<Finding> Findings,
    ScanVerdict Verdict,
    string? DeliveredText,
    string? SenderNotice)
{
    public bool IsClean => Verdict == ScanVerdict.Clean;

    public static ScanResult Clean(string text) => new([], ScanVerdict.Clean, text, null);
}
