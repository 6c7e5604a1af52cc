namespace BowInbox.Core.Kpi;

/// <summary>One slice of the KPIs: a provider group, a provider, or a line of business.</summary>
public sealed record KpiSlice(string Name, KpiReport Report);

public static class KpiBreakdown
{
    /// <summary>The KPIs per distinct slice name; tickets without one (not yet routed) form no slice.</summary>
    public static IReadOnlyList<KpiSlice> By(KpiFacts facts, Func<TicketFacts, string?> slice)
        => facts.Tickets
            .Select(slice)
            .OfType<string>()
            .Distinct()
            .Select(name => new KpiSlice(name, KpiCalculator.Compute(facts.ForTickets(t => slice(t) == name))))
            .OrderByDescending(s => s.Report.Conversations).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
