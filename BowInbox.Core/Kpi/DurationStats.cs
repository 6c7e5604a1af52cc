namespace BowInbox.Core.Kpi;

/// <summary>How long something took across tickets: how many were measured, median, p90 and the share within a threshold.</summary>
public sealed record DurationStats(int Count, TimeSpan? Median, TimeSpan? P90, double? ShareWithin, TimeSpan Threshold)
{
    public static DurationStats From(IReadOnlyCollection<TimeSpan> durations, TimeSpan threshold)
        => new(
            durations.Count,
            Percentiles.Median(durations),
            Percentiles.Of(durations, 0.9),
            durations.Count == 0 ? null : (double)durations.Count(d => d <= threshold) / durations.Count,
            threshold);
}
