using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using static BowInbox.Tests.Sla.NewYork;

namespace BowInbox.Tests.Sla;

public sealed class SlaClockTests
{
    private static readonly DateTime T0 = Utc("2026-01-12 15:00");

    private static readonly SlaPolicy Policy = new(
        GroupId: 1,
        Urgency.Normal,
        [
            new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15)),
            new SlaTarget(SlaTargetKind.OfferAcceptance, TimeSpan.FromMinutes(5), 0.6, SlaBreachAction.Alert | SlaBreachAction.Requeue),
            new SlaTarget(SlaTargetKind.ProviderFirstContact, TimeSpan.FromMinutes(30)),
            new SlaTarget(SlaTargetKind.NextResponse, TimeSpan.FromMinutes(10)),
            new SlaTarget(SlaTargetKind.Resolution, TimeSpan.FromHours(8), Actions: SlaBreachAction.Alert | SlaBreachAction.Escalate),
        ],
        BusinessCalendar.AlwaysOpen);

    private static SlaDue Due(IReadOnlyList<SlaDue> dues, SlaTargetKind kind) => dues.Single(d => d.Kind == kind);

    [Fact]
    public void Every_target_gets_a_clock_and_only_started_ones_run()
    {
        var dues = SlaClock.Compute(Policy, new SlaTicketFacts { FirstCustomerMessageAt = T0 });

        Assert.Equal(Policy.Targets.Select(t => t.Kind), dues.Select(d => d.Kind));
        Assert.Equal(new SlaDue(SlaTargetKind.FirstResponse, T0, T0.AddMinutes(12), T0.AddMinutes(15), null, true, SlaBreachAction.Alert), Due(dues, SlaTargetKind.FirstResponse));
        Assert.Equal(new SlaDue(SlaTargetKind.OfferAcceptance, null, null, null, null, false, SlaBreachAction.Alert | SlaBreachAction.Requeue), Due(dues, SlaTargetKind.OfferAcceptance));
        Assert.False(Due(dues, SlaTargetKind.ProviderFirstContact).Running);
        Assert.False(Due(dues, SlaTargetKind.NextResponse).Running);
        Assert.Equal(T0.AddHours(8), Due(dues, SlaTargetKind.Resolution).DueAt);
    }

    [Fact]
    public void Each_clock_is_met_by_its_own_stop_event()
    {
        var facts = new SlaTicketFacts
        {
            FirstCustomerMessageAt = T0,
            FirstHumanReplyAt = T0.AddMinutes(3),
            OfferedAt = T0.AddMinutes(4),
            AcceptedAt = T0.AddMinutes(6),
            ProviderFirstMessageAt = T0.AddMinutes(20),
        };

        var dues = SlaClock.Compute(Policy, facts);

        Assert.Equal(T0.AddMinutes(3), Due(dues, SlaTargetKind.FirstResponse).MetAt);
        Assert.Equal(T0.AddMinutes(6), Due(dues, SlaTargetKind.OfferAcceptance).MetAt);
        Assert.Equal(T0.AddMinutes(4 + 3), Due(dues, SlaTargetKind.OfferAcceptance).WarnAt);
        Assert.Equal(T0.AddMinutes(6), Due(dues, SlaTargetKind.ProviderFirstContact).StartedAt);
        Assert.Equal(T0.AddMinutes(20), Due(dues, SlaTargetKind.ProviderFirstContact).MetAt);
        Assert.All(dues.Where(d => d.Kind != SlaTargetKind.Resolution), d => Assert.False(d.Running));
        Assert.True(Due(dues, SlaTargetKind.Resolution).Running);
    }

    [Fact]
    public void Next_response_runs_only_while_the_customer_waits()
    {
        var waiting = SlaClock.Compute(Policy, new SlaTicketFacts { FirstCustomerMessageAt = T0, WaitingSince = T0.AddHours(1) });
        var answered = SlaClock.Compute(Policy, new SlaTicketFacts { FirstCustomerMessageAt = T0, WaitingSince = null });

        Assert.Equal(T0.AddHours(1).AddMinutes(10), Due(waiting, SlaTargetKind.NextResponse).DueAt);
        Assert.True(Due(waiting, SlaTargetKind.NextResponse).Running);
        Assert.Equal(new SlaDue(SlaTargetKind.NextResponse, null, null, null, null, false, SlaBreachAction.Alert), Due(answered, SlaTargetKind.NextResponse));
    }

    [Fact]
    public void Resolution_stops_every_clock()
    {
        var resolvedAt = T0.AddMinutes(40);
        var facts = new SlaTicketFacts
        {
            FirstCustomerMessageAt = T0,
            OfferedAt = T0.AddMinutes(30),
            WaitingSince = T0.AddMinutes(35),
            ResolvedAt = resolvedAt,
        };

        var dues = SlaClock.Compute(Policy, facts);

        Assert.All(dues, d => Assert.False(d.Running));
        Assert.Equal(resolvedAt, Due(dues, SlaTargetKind.FirstResponse).MetAt);
        Assert.Equal(resolvedAt, Due(dues, SlaTargetKind.OfferAcceptance).MetAt);
        Assert.Equal(resolvedAt, Due(dues, SlaTargetKind.NextResponse).MetAt);
        Assert.Equal(resolvedAt, Due(dues, SlaTargetKind.Resolution).MetAt);
        Assert.Null(Due(dues, SlaTargetKind.ProviderFirstContact).StartedAt);
        Assert.Null(SlaClock.Nearest(dues, T0.AddDays(2)));
        Assert.Empty(SlaAlertDecision.Due(dues, T0.AddDays(2), new HashSet<(SlaTargetKind, SlaAlertLevel)>()));
    }

    [Fact]
    public void A_stop_event_from_an_earlier_offer_does_not_meet_a_new_one()
    {
        var facts = new SlaTicketFacts { FirstCustomerMessageAt = T0, OfferedAt = T0.AddMinutes(10), AcceptedAt = T0.AddMinutes(2) };

        var offer = Due(SlaClock.Compute(Policy, facts), SlaTargetKind.OfferAcceptance);

        Assert.True(offer.Running);
        Assert.Null(offer.MetAt);
    }

    [Fact]
    public void Times_are_counted_in_the_policy_calendar()
    {
        var policy = Policy with { Calendar = OfficeHours() };
        var holidayPolicy = Policy with { Calendar = OfficeHours(new DateOnly(2026, 1, 12)) };
        var facts = new SlaTicketFacts { FirstCustomerMessageAt = At("2026-01-09 17:55") };

        var first = Due(SlaClock.Compute(policy, facts), SlaTargetKind.FirstResponse);
        var afterHoliday = Due(SlaClock.Compute(holidayPolicy, facts), SlaTargetKind.FirstResponse);

        Assert.Equal(At("2026-01-12 09:07"), first.WarnAt);
        Assert.Equal(At("2026-01-12 09:10"), first.DueAt);
        Assert.Equal(At("2026-01-13 09:07"), afterHoliday.WarnAt);
        Assert.Equal(At("2026-01-13 09:10"), afterHoliday.DueAt);
    }

    [Fact]
    public void Nearest_shows_the_running_clock_due_soonest_and_its_state()
    {
        var dues = SlaClock.Compute(Policy, new SlaTicketFacts { FirstCustomerMessageAt = T0 });

        Assert.Equal(new SlaCountdown(SlaTargetKind.FirstResponse, SlaState.Ok, TimeSpan.FromMinutes(15), T0.AddMinutes(15)), SlaClock.Nearest(dues, T0));
        Assert.Equal(new SlaCountdown(SlaTargetKind.FirstResponse, SlaState.Warning, TimeSpan.FromMinutes(3), T0.AddMinutes(15)), SlaClock.Nearest(dues, T0.AddMinutes(12)));
        Assert.Equal(new SlaCountdown(SlaTargetKind.FirstResponse, SlaState.Breached, TimeSpan.Zero, T0.AddMinutes(15)), SlaClock.Nearest(dues, T0.AddMinutes(15)));
        Assert.Equal(TimeSpan.FromMinutes(-5), SlaClock.Nearest(dues, T0.AddMinutes(20))!.TimeLeft);
    }

    [Fact]
    public void Once_answered_the_chip_moves_to_the_next_running_clock()
    {
        var dues = SlaClock.Compute(Policy, new SlaTicketFacts { FirstCustomerMessageAt = T0, FirstHumanReplyAt = T0.AddMinutes(2) });

        var nearest = SlaClock.Nearest(dues, T0.AddMinutes(20));

        Assert.Equal(SlaTargetKind.Resolution, nearest!.Kind);
        Assert.Equal(SlaState.Ok, nearest.State);
    }

    [Fact]
    public void Targets_refuse_nonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(5), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(5), 1.5));
    }
}
