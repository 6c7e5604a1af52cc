namespace BowInbox.Core.Kpi;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (the "R-7" method used by Excel's
/// PERCENTILE.INC and NumPy's default): for sorted values x[0..n-1] the p-th percentile sits at
/// position h = (n - 1) * p, and is x[⌊h⌋] + (h - ⌊h⌋) * (x[⌊h⌋ + 1] - x[⌊h⌋]).
/// So the median of 1, 2, 3, 4 minutes is 2.5 minutes and their p90 is 3.7 minutes.
/// </summary>
public static class Percentiles
{
    public static TimeSpan? Of(IEnumerable<TimeSpan> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = values.Select(v => v.Ticks).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return TimeSpan.FromTicks(sorted[lower] + (long)Math.Round(fraction * (sorted[upper] - sorted[lower])));
    }

    public static TimeSpan? Median(IEnumerable<TimeSpan> values) => Of(values, 0.5);
}
