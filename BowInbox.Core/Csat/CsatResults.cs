using BowInbox.Core.Kpi;

namespace BowInbox.Core.Csat;

/// <summary>One answered survey, with who did the job.</summary>
public sealed record CsatAnswer(int Rating, int? GroupId, int? ProviderId);

/// <summary>CSAT of a slice: the share of 4s and 5s among <see cref="Count"/> ratings (null with none).</summary>
public sealed record CsatSlice(string Name, int Count, double? Satisfied)
{
    public bool IsSmallSample => KpiSample.IsSmall(Count);
}

/// <summary>CSAT over all answers, per group and per technician.</summary>
public sealed record CsatReport(CsatSlice Overall, IReadOnlyList<CsatSlice> ByGroup, IReadOnlyList<CsatSlice> ByProvider)
{
    /// <summary>A rating counted as satisfied (the usual CSAT definition: 4 or 5 out of 5).</summary>
    public const int SatisfiedFrom = 4;

    public static CsatReport Compute(IReadOnlyCollection<CsatAnswer> answers, IReadOnlyDictionary<int, string> groupNames, IReadOnlyDictionary<int, string> providerNames)
    {
        var byGroup = answers.Where(a => a.GroupId is not null).GroupBy(a => a.GroupId!.Value)
            .Select(g => Slice(groupNames.GetValueOrDefault(g.Key, $"Group {g.Key}"), [.. g])).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var byProvider = answers.Where(a => a.ProviderId is not null).GroupBy(a => a.ProviderId!.Value)
            .Select(g => Slice(providerNames.GetValueOrDefault(g.Key, $"Provider {g.Key}"), [.. g])).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new CsatReport(Slice("All", answers), byGroup, byProvider);
    }

    private static CsatSlice Slice(string name, IReadOnlyCollection<CsatAnswer> answers)
        => new(name, answers.Count, answers.Count == 0 ? null : (double)answers.Count(a => a.Rating >= SatisfiedFrom) / answers.Count);
}
