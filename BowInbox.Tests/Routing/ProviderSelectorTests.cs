using BowInbox.Core.Providers;
using BowInbox.Core.Routing;

namespace BowInbox.Tests.Routing;

public sealed class ProviderSelectorTests
{
    [Theory]
    [InlineData(0, "Tom 0/3, Ana 0/3, Eli 0/3", "", "", "Tom", 1, "offered to Tom by round robin")]
    [InlineData(1, "Tom 0/3, Ana 0/3, Eli 0/3", "", "", "Ana", 2, "offered to Ana by round robin")]
    [InlineData(2, "Tom 0/3, Ana 0/3, Eli 0/3", "", "", "Eli", 0, "offered to Eli by round robin")]
    [InlineData(1, "Tom 0/3, Ana 3/3", "", "", "Tom", 1, "offered to Tom by round robin | skipped Ana: at capacity 3/3")]
    [InlineData(1, "Tom 0/3, Ana 3/3, Eli 0/3 away, Uma 0/3", "", "", "Uma", 0,
        "offered to Uma by round robin | skipped Ana: at capacity 3/3 | skipped Eli: away")]
    [InlineData(0, "Tom 0/3, Ana 0/3, Eli 0/3, Uma 0/3 paused", "Tom", "Ana", "Eli", 3,
        "offered to Eli by round robin | skipped Tom: declined this ticket | skipped Ana: let this ticket's offer expire")]
    [InlineData(7, "Tom 0/3, Ana 0/3, Eli 0/3", "", "", "Ana", 2, "offered to Ana by round robin")]
    [InlineData(2, "Tom 0/3 paused, Ana 5/3, Eli 0/3", "Eli", "", "-", 2,
        "nobody eligible in Plumbers - Downtown | skipped Eli: declined this ticket | skipped Tom: paused | skipped Ana: at capacity 5/3")]
    [InlineData(0, "", "", "", "-", 0, "nobody eligible in Plumbers - Downtown")]
    public void Round_robin_walks_members_in_id_order_from_the_cursor(
        int cursor, string members, string declined, string expired, string chosen, int newCursor, string explanation) =>
        AssertPick(SelectionStrategy.RoundRobin, cursor, members, declined, expired, chosen, newCursor, explanation);

    [Theory]
    [InlineData("Tom 2/3, Ana 1/3, Eli 0/3 away", "", "Ana", "offered to Ana by least busy (1 open job) | skipped Eli: away")]
    [InlineData("Tom 1/3, Ana 1/3", "", "Tom", "offered to Tom by least busy (1 open job)")]
    [InlineData("Tom 3/3, Ana 2/5", "", "Ana", "offered to Ana by least busy (2 open jobs) | skipped Tom: at capacity 3/3")]
    [InlineData("Tom 0/3, Ana 2/3, Uma 1/3 paused", "Tom", "Ana",
        "offered to Ana by least busy (2 open jobs) | skipped Tom: declined this ticket | skipped Uma: paused")]
    [InlineData("Tom 0/3 away, Ana 0/0", "", "-", "nobody eligible in Plumbers - Downtown | skipped Tom: away | skipped Ana: at capacity 0/0")]
    public void Least_busy_picks_fewest_open_jobs_then_lowest_id(string members, string declined, string chosen, string explanation) =>
        AssertPick(SelectionStrategy.LeastBusy, 2, members, declined, "", chosen, 2, explanation);

    [Theory]
    [InlineData("Tom 0/3 5of10, Ana 2/3 9of10", "Ana", "offered to Ana by best acceptance rate (9/10 accepted in 30 days)")]
    [InlineData("Tom 0/3 4of10, Ana 0/3", "Ana", "offered to Ana by best acceptance rate (no offers in 30 days, counted as 50%)")]
    [InlineData("Tom 0/3 6of10, Ana 0/3", "Tom", "offered to Tom by best acceptance rate (6/10 accepted in 30 days)")]
    [InlineData("Tom 2/3 4of8, Ana 1/3 1of2", "Ana", "offered to Ana by best acceptance rate (1/2 accepted in 30 days)")]
    [InlineData("Tom 1/3 1of2, Ana 1/3 2of4", "Tom", "offered to Tom by best acceptance rate (1/2 accepted in 30 days)")]
    [InlineData("Tom 0/3 10of10 away, Ana 0/3 1of10", "Ana",
        "offered to Ana by best acceptance rate (1/10 accepted in 30 days) | skipped Tom: away")]
    [InlineData("Tom 3/3 10of10, Ana 0/3 9of10 paused", "-",
        "nobody eligible in Plumbers - Downtown | skipped Tom: at capacity 3/3 | skipped Ana: paused")]
    public void Best_acceptance_rate_picks_highest_rate_then_fewest_jobs_then_lowest_id(string members, string chosen, string explanation) =>
        AssertPick(SelectionStrategy.BestAcceptanceRate, 0, members, "", "", chosen, 0, explanation);

    [Fact]
    public void The_round_robin_cursor_persists_on_the_group_and_wraps()
    {
        var group = new ProviderGroup { Name = "Plumbers - Downtown", Strategy = SelectionStrategy.RoundRobin };
        var members = CandidateTable.Parse("Tom 0/3, Ana 0/3, Eli 0/3");
        var offered = new List<string>();

        for (var round = 0; round < 5; round++)
        {
            var selection = ProviderSelector.Pick(GroupCandidates.For(group, members));
            offered.Add(CandidateTable.NameOf(selection.ProviderId));
            group.RoundRobinCursor = selection.NewCursor;
        }

        Assert.Equal(["Tom", "Ana", "Eli", "Tom", "Ana"], offered);
        Assert.Equal(2, group.RoundRobinCursor);
    }

    [Fact]
    public void Nobody_eligible_leaves_the_cursor_where_it_was()
    {
        var input = new GroupCandidates
        {
            GroupName = "Plumbers - Uptown",
            Strategy = SelectionStrategy.RoundRobin,
            RoundRobinCursor = 1,
            Members = CandidateTable.Parse("Tom 0/3 away, Ana 0/3 away"),
        };

        var selection = ProviderSelector.Pick(input);

        Assert.Null(selection.ProviderId);
        Assert.Equal(1, selection.NewCursor);
        Assert.Equal("nobody eligible in Plumbers - Uptown", selection.Explanation[0]);
    }

    [Fact]
    public void A_candidate_is_built_from_the_provider_entity()
    {
        var provider = new Provider { Id = 7, DisplayName = "Tom Baker", Capacity = 4, Availability = ProviderAvailability.Away };

        var candidate = ProviderCandidate.From(provider, openJobs: 2, offersLast30Days: 10, acceptsLast30Days: 7);

        Assert.Equal(new ProviderCandidate(7, "Tom", ProviderAvailability.Away, 2, 4, 10, 7), candidate);
        Assert.Equal(0.7, ProviderSelector.AcceptanceRate(candidate), 10);
    }

    private static void AssertPick(
        SelectionStrategy strategy, int cursor, string members, string declined, string expired,
        string chosen, int newCursor, string explanation)
    {
        var input = new GroupCandidates
        {
            GroupName = "Plumbers - Downtown",
            Strategy = strategy,
            RoundRobinCursor = cursor,
            Members = CandidateTable.Parse(members),
            DeclinedProviderIds = CandidateTable.Ids(declined),
            ExpiredProviderIds = CandidateTable.Ids(expired),
        };

        var selection = ProviderSelector.Pick(input);

        Assert.Equal(chosen, CandidateTable.NameOf(selection.ProviderId));
        Assert.Equal(newCursor, selection.NewCursor);
        Assert.Equal(explanation, string.Join(" | ", selection.Explanation));
    }
}
