namespace BowInbox.Core.Scanning;

/// <summary>The outcome for a whole message: the strongest action among its findings.</summary>
public enum ScanVerdict
{
    Clean = 0,
    Redacted = 1,
    Blocked = 2,
    Flagged = 3,
}
