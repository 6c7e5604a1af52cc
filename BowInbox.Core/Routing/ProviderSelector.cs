using System.Globalization;
using BowInbox.Core.Providers;

namespace BowInbox.Core.Routing;

/// <summary>Picks the provider a ticket is offered to next, by the group's selection strategy.</summary>
public static class ProviderSelector
{
    // Providers with no offers in 30 days are ranked as if they accepted half, so a newcomer competes with an
    // average provider instead of always winning (as 100%) or never being tried (as 0%).
    public const double RateWithoutOffers = 0.5;

    public static Selection Pick(GroupCandidates input)
    {
        var members = input.Members
            .DistinctBy(m => m.ProviderId)
            .OrderBy(m => m.ProviderId)
            .ToList();

        return input.Strategy switch
        {
            SelectionStrategy.RoundRobin => PickRoundRobin(input, members),
            SelectionStrategy.LeastBusy => PickRanked(input, members, members
                .OrderBy(m => m.OpenJobs)
                .ThenBy(m => m.ProviderId)),
            SelectionStrategy.BestAcceptanceRate => PickRanked(input, members, members
                .OrderByDescending(AcceptanceRate)
                .ThenBy(m => m.OpenJobs)
                .ThenBy(m => m.ProviderId)),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Strategy, "Unknown selection strategy."),
        };
    }

    public static double AcceptanceRate(ProviderCandidate candidate) =>
        candidate.OffersLast30Days <= 0
            ? RateWithoutOffers
            : Math.Clamp((double)candidate.AcceptsLast30Days / candidate.OffersLast30Days, 0, 1);

    // The cursor is the index of the member to try first; after a pick it moves one past the chosen member,
    // wrapping at the end. Only the members walked past before the pick are reported as skipped.
    private static Selection PickRoundRobin(GroupCandidates input, List<ProviderCandidate> members)
    {
        var skipped = new List<string>();
        if (members.Count > 0)
        {
            var start = ((input.RoundRobinCursor % members.Count) + members.Count) % members.Count;
            for (var step = 0; step < members.Count; step++)
            {
                var index = (start + step) % members.Count;
                var member = members[index];
                var reason = SkipReason(input, member);
                if (reason is null)
                {
                    return Offered(member, (index + 1) % members.Count, "round robin", skipped);
                }

                skipped.Add(Skipped(member, reason));
            }
        }

        return Nobody(input, skipped);
    }

    private static Selection PickRanked(
        GroupCandidates input,
        List<ProviderCandidate> members,
        IEnumerable<ProviderCandidate> ranking)
    {
        var skipped = members
            .Select(m => (Member: m, Reason: SkipReason(input, m)))
            .Where(m => m.Reason is not null)
            .Select(m => Skipped(m.Member, m.Reason!))
            .ToList();
        var chosen = ranking.FirstOrDefault(m => SkipReason(input, m) is null);
        if (chosen is null)
        {
            return Nobody(input, skipped);
        }

        var how = input.Strategy == SelectionStrategy.LeastBusy
            ? $"least busy ({Plural(chosen.OpenJobs, "open job")})"
            : $"best acceptance rate ({AcceptanceSummary(chosen)})";
        return Offered(chosen, input.RoundRobinCursor, how, skipped);
    }

    // The first reason that applies, in this order: the provider's own status, then this ticket's history, then workload.
    private static string? SkipReason(GroupCandidates input, ProviderCandidate member) => member switch
    {
        { Availability: ProviderAvailability.Paused } => "paused",
        { Availability: ProviderAvailability.Away } => "away",
        _ when input.DeclinedProviderIds.Contains(member.ProviderId) => "declined this ticket",
        _ when input.ExpiredProviderIds.Contains(member.ProviderId) => "let this ticket's offer expire",
        _ when member.OpenJobs >= member.Capacity => $"at capacity {member.OpenJobs}/{member.Capacity}",
        _ => null,
    };

    private static Selection Offered(ProviderCandidate member, int newCursor, string how, List<string> skipped) =>
        new(member.ProviderId, newCursor, [$"offered to {member.FirstName} by {how}", .. skipped]);

    private static Selection Nobody(GroupCandidates input, List<string> skipped) =>
        new(null, input.RoundRobinCursor, [$"nobody eligible in {input.GroupName}", .. skipped]);

    private static string Skipped(ProviderCandidate member, string reason) => $"skipped {member.FirstName}: {reason}";

    private static string AcceptanceSummary(ProviderCandidate member) =>
        member.OffersLast30Days <= 0
            ? string.Create(CultureInfo.InvariantCulture, $"no offers in 30 days, counted as {RateWithoutOffers * 100:0}%")
            : $"{member.AcceptsLast30Days}/{member.OffersLast30Days} accepted in 30 days";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
