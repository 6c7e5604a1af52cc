using BowInbox.Core.Kpi;

namespace BowInbox.Core.Insurance;

/// <summary>One ticket routed to an insurer's desk: when it was routed there and when the desk first wrote to the customer (null: not yet).</summary>
public sealed record DeskResponse(string Insurer, DateTime RoutedAt, DateTime? FirstReplyAt);

/// <summary>An insurer's desk first response time against the goal; <see cref="Waiting"/> tickets have no reply yet.</summary>
public sealed record InsurerResponseTime(string Insurer, DurationStats Stats, int Waiting)
{
    /// <summary>Too few answered tickets for the share to mean much (see <see cref="KpiSample"/>).</summary>
    public bool IsSmallSample => KpiSample.IsSmall(Stats.Count);

    public bool MeetsGoal => Stats.Median is { } median && median <= Stats.Threshold;
}

/// <summary>First response time per insurer: from routing to the insurer's desk to the desk's first message to the customer.</summary>
public static class InsurerResponseTimes
{
    public static IReadOnlyList<InsurerResponseTime> Of(IEnumerable<DeskResponse> responses)
        => [.. responses
            .GroupBy(r => r.Insurer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new InsurerResponseTime(
                g.Key,
                DurationStats.From([.. g.Where(r => r.FirstReplyAt is not null).Select(r => r.FirstReplyAt!.Value - r.RoutedAt).Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d)], KpiGoals.FirstResponse),
                g.Count(r => r.FirstReplyAt is null)))];
}
