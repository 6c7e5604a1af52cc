using BowInbox.Core.Providers;
using BowInbox.Core.Routing;

namespace BowInbox.Tests.Routing;

public sealed class RoutingExplanationTests
{
    [Fact]
    public void Qualification_and_selection_read_as_one_timeline_sentence()
    {
        var qualification = Qualifier.Qualify(["There's a leak in the kitchen"], (40.7150, -74.0000), QualificationRules.Default);
        var selection = ProviderSelector.Pick(new GroupCandidates
        {
            GroupName = "Plumbers - Downtown",
            Strategy = SelectionStrategy.RoundRobin,
            RoundRobinCursor = 1,
            Members = CandidateTable.Parse("Tom 1/3, Ana 3/3"),
        });

        Assert.Equal(
            "plumbing from 'leak'; downtown from location; offered to Tom by round robin; skipped Ana: at capacity 3/3",
            RoutingExplanation.Describe(qualification, selection));
    }

    [Fact]
    public void Nobody_eligible_is_said_plainly()
    {
        var qualification = Qualifier.Qualify(["no power, sparks!", "5th and main"], null, QualificationRules.Default);
        var selection = ProviderSelector.Pick(new GroupCandidates
        {
            GroupName = "Electricians - Downtown",
            Strategy = SelectionStrategy.LeastBusy,
            Members = CandidateTable.Parse("Eli 0/3 away"),
        });

        Assert.Equal(
            "electrical from 'power'; downtown from '5th and main'; urgent from 'no power'; nobody eligible in Electricians - Downtown; skipped Eli: away",
            RoutingExplanation.Describe(qualification, selection));
    }
}
