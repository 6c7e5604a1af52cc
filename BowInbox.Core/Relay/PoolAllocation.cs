namespace BowInbox.Core.Relay;

/// <summary>
/// Picks the pool number that carries a new session towards a provider. A provider never gets a second
/// session on a number while another is free for them, so (pool number, provider) finds the session.
/// </summary>
public static class PoolAllocation
{
    /// <summary>
    /// The first of <paramref name="poolNumbers"/> (in their given order) on which the provider has no open
    /// session, or null when every one is in use for them.
    /// </summary>
    public static string? FreeNumber(IReadOnlyList<string> poolNumbers, IEnumerable<string> numbersWithOpenSessions)
    {
        ArgumentNullException.ThrowIfNull(poolNumbers);
        ArgumentNullException.ThrowIfNull(numbersWithOpenSessions);
        var inUse = numbersWithOpenSessions.ToHashSet(StringComparer.Ordinal);
        return poolNumbers.FirstOrDefault(n => !inUse.Contains(n));
    }

    /// <summary>
    /// When every number is in use, the one with the fewest open sessions for the provider (ties: the first),
    /// so the reply-quote or the "which job" list has as few jobs to choose among as possible.
    /// </summary>
    public static string? LeastLoadedNumber(IReadOnlyList<string> poolNumbers, IEnumerable<string> numbersWithOpenSessions)
    {
        ArgumentNullException.ThrowIfNull(poolNumbers);
        ArgumentNullException.ThrowIfNull(numbersWithOpenSessions);
        if (poolNumbers.Count == 0)
        {
            return null;
        }

        var counts = numbersWithOpenSessions.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return poolNumbers.OrderBy(n => counts.GetValueOrDefault(n)).First();
    }
}
