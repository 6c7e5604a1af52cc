namespace BowInbox.Core.Scanning;

/// <summary>When a provider's repeated contact-leak attempts pause them and alert a supervisor.</summary>
public static class ViolationThreshold
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// True when at least <paramref name="limit"/> violations fall within <paramref name="window"/>
    /// (24 hours by default) before <paramref name="now"/>. A violation exactly one window old has
    /// aged out, as a conversation window does.
    /// </summary>
    public static bool ShouldPause(IReadOnlyList<DateTime> violationTimes, DateTime now, int limit = 3, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(violationTimes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var length = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero, nameof(window));

        var recent = 0;
        foreach (var at in violationTimes)
        {
            // Times slightly after now (another server's clock) still count as recent.
            if (now - at < length && ++recent >= limit)
            {
                return true;
            }
        }

        return false;
    }
}
