using System.Diagnostics;

namespace BowInbox.Core.Sla;

/// <summary>Arithmetic that counts only the time a business calendar is open.</summary>
public static class BusinessTime
{
    /// <summary>
    /// The UTC instant at which <paramref name="duration"/> of open time has passed since <paramref name="startUtc"/>.
    /// A start outside opening hours starts counting at the next opening; a due time can fall exactly on closing.
    /// </summary>
    public static DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration, BusinessCalendar cal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var start = UtcInstant.From(startUtc);
        if (duration == TimeSpan.Zero)
        {
            return start;
        }

        if (cal.IsAlwaysOpen)
        {
            return start + duration;
        }

        var remaining = duration;
        foreach (var (open, close) in cal.OpenPeriodsFrom(start))
        {
            var available = close - open;
            if (remaining <= available)
            {
                return open + remaining;
            }

            remaining -= available;
        }

        throw new UnreachableException("A calendar's open periods never run out.");
    }

    /// <summary>Open time between two instants; zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>.</summary>
    public static TimeSpan Elapsed(DateTime fromUtc, DateTime toUtc, BusinessCalendar cal)
    {
        var from = UtcInstant.From(fromUtc);
        var to = UtcInstant.From(toUtc);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (cal.IsAlwaysOpen)
        {
            return to - from;
        }

        var elapsed = TimeSpan.Zero;
        foreach (var (open, close) in cal.OpenPeriodsFrom(from).TakeWhile(period => period.Start < to))
        {
            elapsed += (close < to ? close : to) - open;
        }

        return elapsed;
    }
}
