using BowInbox.Core.Kpi;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Web.Kpi;

namespace BowInbox.Tests.Kpi;

public sealed class ScorecardAndRoiTests
{
    private static readonly DateTime T0 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Scorecard_shows_a_providers_own_acceptance_first_response_violations_and_jobs()
    {
        var facts = new KpiFacts(
            [
                new(1, T0, null, T0, T0.AddMinutes(2), T0.AddMinutes(5), T0.AddHours(2), TicketStatus.Resolved, 1, 7, "plumbing"),
                new(2, T0, null, T0, T0.AddMinutes(2), T0.AddMinutes(12), null, TicketStatus.Assigned, 1, 7, "plumbing"),
                new(3, T0, null, T0, null, null, null, TicketStatus.Offered, 1, 8, "plumbing"),
            ],
            [new(1, 7, OfferStatus.Accepted, T0, T0), new(2, 7, OfferStatus.Accepted, T0, T0), new(3, 7, OfferStatus.Declined, T0, T0), new(3, 8, OfferStatus.Pending, T0, null)],
            [new(2, ViolationKind.Phone, PolicyAction.Block, 7), new(2, ViolationKind.Phone, PolicyAction.Block, null)],
            [],
            []);

        var cards = ProviderScorecards.Compute(facts, new Dictionary<int, string> { [7] = "Tom Baker", [8] = "Ana Lopez" });

        var tom = cards[0];
        Assert.Equal(("Tom Baker", 3, 1), (tom.Name, tom.OffersAnswered, tom.JobsDone));
        Assert.Equal(2.0 / 3, tom.AcceptanceRate!.Value, 6);
        Assert.Equal(TimeSpan.FromMinutes(6.5), tom.MedianFirstResponse);
        Assert.Equal(1, tom.Violations);
        Assert.Null(cards[1].AcceptanceRate);
    }

    [Fact]
    public void Roi_with_the_sales_defaults_recovers_a_thousand_jobs_of_commission()
    {
        var result = RoiCalculator.Compute(RoiInputs.Defaults);

        Assert.Equal(1000m, result.RecoveredJobs);
        Assert.Equal(27_000m, result.Savings);
        Assert.Equal(150m, result.Costs);
        Assert.Equal(26_850m, result.Net);
        Assert.Equal(179m, result.Roi);
    }

    [Fact]
    public void Roi_is_negative_when_leakage_did_not_fall_and_undefined_without_costs()
    {
        var worse = RoiCalculator.Compute(RoiInputs.Defaults with { LeakageAfter = 0.25m });
        var free = RoiCalculator.Compute(RoiInputs.Defaults with { Seats = 0 });

        Assert.Equal(-1m, worse.Roi);
        Assert.Null(free.Roi);
        Assert.Equal("no costs to compare with", free.Withheld);
    }

    [Fact]
    public void Roi_gives_no_percentage_from_fewer_than_the_meaningful_number_of_conversations()
    {
        var few = RoiCalculator.Compute(RoiInputs.Defaults with { ConversationsPerMonth = KpiSample.Meaningful - 1 });
        var enough = RoiCalculator.Compute(RoiInputs.Defaults with { ConversationsPerMonth = KpiSample.Meaningful });

        Assert.Null(few.Roi);
        Assert.Equal("fewer than 30 conversations a month", few.Withheld);
        Assert.NotNull(enough.Roi);
        Assert.Null(enough.Withheld);
    }

    [Theory]
    [InlineData("status", "Status Offered → Requeued", TicketStatus.Requeued)]
    [InlineData("status", "Status Assigned → Escalated", TicketStatus.Escalated)]
    [InlineData("requeued", "offer expired", TicketStatus.Requeued)]
    [InlineData("escalated", "breach", TicketStatus.Escalated)]
    public void Timeline_entries_give_the_status_reached(string kind, string detail, TicketStatus expected)
        => Assert.Equal(expected, KpiQueries.StatusReached(kind, detail));

    [Fact]
    public void Timeline_entries_without_a_status_give_none()
        => Assert.Null(KpiQueries.StatusReached("status", "Assigned to Ivy"));
}
