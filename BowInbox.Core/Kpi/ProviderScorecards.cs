using BowInbox.Core.Routing;

namespace BowInbox.Core.Kpi;

/// <summary>
/// One provider's record: their own offers answered and accepted, their median first message to the
/// customer after accepting, the violations they sent, and jobs resolved with them.
/// </summary>
public sealed record ProviderScorecard(
    int ProviderId,
    string Name,
    int OffersAnswered,
    double? AcceptanceRate,
    TimeSpan? MedianFirstResponse,
    int Violations,
    int JobsDone);

public static class ProviderScorecards
{
    public static IReadOnlyList<ProviderScorecard> Compute(KpiFacts facts, IReadOnlyDictionary<int, string> providerNames)
        => providerNames
            .Select(provider => ForProvider(facts, provider.Key, provider.Value))
            .OrderByDescending(card => card.JobsDone).ThenBy(card => card.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static ProviderScorecard ForProvider(KpiFacts facts, int providerId, string name)
    {
        var answered = facts.Offers
            .Where(o => o.ProviderId == providerId && o.Status is OfferStatus.Accepted or OfferStatus.Declined or OfferStatus.Expired)
            .ToList();
        var theirs = facts.Tickets.Where(t => t.ProviderId == providerId).ToList();
        var firstResponses = theirs
            .Where(t => t.AcceptedAt is not null && t.ProviderFirstMessageAt is not null)
            .Select(t => t.ProviderFirstMessageAt!.Value - t.AcceptedAt!.Value)
            .Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d)
            .ToList();
        return new ProviderScorecard(
            providerId,
            name,
            answered.Count,
            answered.Count == 0 ? null : (double)answered.Count(o => o.Status == OfferStatus.Accepted) / answered.Count,
            Percentiles.Median(firstResponses),
            facts.Violations.Count(v => v.ProviderId == providerId),
            theirs.Count(KpiCalculator.IsJobDone));
    }
}
