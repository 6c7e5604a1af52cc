using BowInbox.Core.Kpi;
using BowInbox.Core.Tutoring;

namespace BowInbox.Tests.Tutoring;

/// <summary>Every ROI model and the leakage baseline on known figures.</summary>
public sealed class RoiModelTests
{
    [Fact]
    public void Home_services_defaults_give_the_published_return_as_a_percentage()
    {
        var outcome = RoiModels.Compute(RoiInputs.Defaults);

        Assert.Equal((27_000m, 150m, 26_850m, 17_900m), (outcome.Benefit, outcome.Costs, outcome.Net, outcome.RoiPercent!.Value));
    }

    [Fact]
    public void Tutoring_recovers_45_dollars_for_each_session_kept_on_the_platform()
    {
        var inputs = TutoringRoiInputs.Defaults;
        var outcome = inputs.Compute();

        Assert.Equal(400m, inputs.SessionsKept);
        Assert.Equal((18_000m, 150m, 11_900m), (outcome.Benefit, outcome.Costs, outcome.RoiPercent!.Value));
    }

    [Fact]
    public void Tutoring_refuses_a_percentage_from_too_few_bookings()
    {
        var outcome = (TutoringRoiInputs.Defaults with { SessionsBookedPerMonth = 29 }).Compute();

        Assert.Null(outcome.RoiPercent);
        Assert.Equal("fewer than 30 conversations", outcome.Withheld);
        Assert.Equal(29 * 0.2m * 45, outcome.Benefit);
    }

    [Fact]
    public void Insurance_adds_conversation_value_time_saved_and_risk_avoided_over_a_year()
    {
        var inputs = InsuranceRoiInputs.Defaults;
        var outcome = inputs.Compute();

        Assert.Equal(24m, inputs.ValuePerConversation);
        Assert.Equal(18_000m, inputs.TimeSaved);
        Assert.Equal(10_000m, inputs.RiskAvoided);
        Assert.Equal(316_000m, inputs.AnnualBenefit);
        Assert.Equal(1_800m, inputs.AnnualCost);
        Assert.Equal(17_455.56m, Math.Round(outcome.RoiPercent!.Value, 2));
        Assert.Null((inputs with { ConversationsPerYear = 10 }).Compute().RoiPercent);
        Assert.Equal(0m, (inputs with { InteractionsPerPolicy = 0 }).ValuePerConversation);
    }

    [Fact]
    public void Generic_is_savings_minus_costs_over_costs_and_needs_costs()
    {
        Assert.Equal(400m, GenericRoiInputs.Defaults.Compute().RoiPercent);
        Assert.Equal(-50m, new GenericRoiInputs(1_000m, 2_000m).Compute().RoiPercent);
        var free = new GenericRoiInputs(1_000m, 0m).Compute();
        Assert.Null(free.RoiPercent);
        Assert.Equal("no costs to compare with", free.Withheld);
    }

    [Fact]
    public void Leakage_is_one_minus_sessions_paid_over_leads_booked_before_and_after()
    {
        var day = new DateOnly(2026, 1, 1);
        var baseline = LeakageBaseline.Empty
            .With(LeakagePhase.Before, new LeakagePeriod(day, day.AddDays(30), 200, 150))
            .With(LeakagePhase.After, new LeakagePeriod(day.AddDays(60), day.AddDays(90), 160, 152));

        Assert.Equal(0.25m, baseline.Before!.Leakage);
        Assert.Equal(0.05m, baseline.After!.Leakage);
        Assert.Equal(0.20m, baseline.Reduction);
    }

    [Fact]
    public void Leakage_is_withheld_from_too_few_leads_and_refused_for_impossible_figures()
    {
        var day = new DateOnly(2026, 1, 1);
        var few = new LeakagePeriod(day, day, 20, 10);

        Assert.Null(few.Leakage);
        Assert.Equal("fewer than 30 leads booked (20)", few.Withheld);
        Assert.NotNull(new LeakagePeriod(day, day, 40, 41).Problem());
        Assert.NotNull(new LeakagePeriod(day, day.AddDays(-1), 40, 30).Problem());
        Assert.NotNull(new LeakagePeriod(day, day, -1, 0).Problem());
        Assert.Null(new LeakagePeriod(day, day, 40, 41).Leakage);
        Assert.Null(new LeakageBaseline(few, null).Reduction);
    }
}
