namespace BowInbox.Bench;

/// <summary>p50/p95/p99 in milliseconds; zeros when nothing was measured.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles None = new(0, 0, 0, 0);

    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return None;
        }

        var sorted = samples.Order().ToArray();
        return new(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    // Nearest rank: the smallest sample with at least q of all samples at or below it.
    private static double At(double[] sorted, double q)
        => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
