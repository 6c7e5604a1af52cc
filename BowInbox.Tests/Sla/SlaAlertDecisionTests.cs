using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using Microsoft.Extensions.Time.Testing;
using static BowInbox.Tests.Sla.NewYork;

namespace BowInbox.Tests.Sla;

public sealed class SlaAlertDecisionTests
{
    private static readonly DateTime T0 = Utc("2026-01-12 15:00");

    private static SlaPolicy PolicyOf(BusinessCalendar calendar, params SlaTarget[] targets) => new(1, Urgency.Normal, targets, calendar);

    private static readonly SlaPolicy FirstResponseIn15 =
        PolicyOf(BusinessCalendar.AlwaysOpen, new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15)));

    /// <summary>Runs the alert check at each minute the fake clock is moved to, as the background job would, recording what it raised.</summary>
    private static List<(int Minute, SlaTargetKind Kind, SlaAlertLevel Level)> RunChecks(
        SlaPolicy policy, Func<DateTime, SlaTicketFacts> factsAt, DateTime start, params int[] minutes)
    {
        var clock = new FakeTimeProvider(start);
        var raised = new HashSet<(SlaTargetKind, SlaAlertLevel)>();
        var log = new List<(int, SlaTargetKind, SlaAlertLevel)>();
        foreach (var minute in minutes)
        {
            clock.SetUtcNow(start.AddMinutes(minute));
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var alert in SlaAlertDecision.Due(SlaClock.Compute(policy, factsAt(now)), now, raised))
            {
                raised.Add((alert.Kind, alert.Level));
                log.Add((minute, alert.Kind, alert.Level));
            }
        }

        return log;
    }

    [Fact]
    public void A_warning_then_a_breach_are_each_raised_once()
    {
        var log = RunChecks(FirstResponseIn15, _ => new SlaTicketFacts { FirstCustomerMessageAt = T0 }, T0, 0, 11, 12, 13, 14, 15, 16, 60);

        Assert.Equal(
            [(12, SlaTargetKind.FirstResponse, SlaAlertLevel.Warning), (15, SlaTargetKind.FirstResponse, SlaAlertLevel.Breach)],
            log);
    }

    [Fact]
    public void A_reply_before_the_warning_prevents_both()
    {
        var reply = T0.AddMinutes(10);
        var log = RunChecks(
            FirstResponseIn15,
            now => new SlaTicketFacts { FirstCustomerMessageAt = T0, FirstHumanReplyAt = now >= reply ? reply : null },
            T0, 5, 10, 12, 15, 30);

        Assert.Empty(log);
    }

    [Fact]
    public void A_reply_after_the_warning_prevents_the_breach()
    {
        var reply = T0.AddMinutes(13);
        var log = RunChecks(
            FirstResponseIn15,
            now => new SlaTicketFacts { FirstCustomerMessageAt = T0, FirstHumanReplyAt = now >= reply ? reply : null },
            T0, 12, 13, 15, 30);

        Assert.Equal([(12, SlaTargetKind.FirstResponse, SlaAlertLevel.Warning)], log);
    }

    [Fact]
    public void A_check_that_runs_late_raises_only_the_breach()
    {
        var dues = SlaClock.Compute(FirstResponseIn15, new SlaTicketFacts { FirstCustomerMessageAt = T0 });

        var alert = Assert.Single(SlaAlertDecision.Due(dues, T0.AddMinutes(40), new HashSet<(SlaTargetKind, SlaAlertLevel)>()));

        Assert.Equal(new SlaAlert(SlaTargetKind.FirstResponse, SlaAlertLevel.Breach, T0.AddMinutes(15), SlaBreachAction.Alert), alert);
    }

    [Fact]
    public void Next_response_does_not_fire_after_the_reply()
    {
        var policy = PolicyOf(BusinessCalendar.AlwaysOpen, new SlaTarget(SlaTargetKind.NextResponse, TimeSpan.FromMinutes(10)));
        var reply = T0.AddMinutes(5);

        var log = RunChecks(
            policy,
            now => new SlaTicketFacts { FirstCustomerMessageAt = T0, WaitingSince = now >= reply ? null : T0 },
            T0, 0, 4, 5, 8, 10, 60);

        Assert.Empty(log);
    }

    [Fact]
    public void Resolution_stops_every_alert()
    {
        var policy = PolicyOf(
            BusinessCalendar.AlwaysOpen,
            new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15)),
            new SlaTarget(SlaTargetKind.NextResponse, TimeSpan.FromMinutes(10)),
            new SlaTarget(SlaTargetKind.Resolution, TimeSpan.FromMinutes(30)));
        var resolved = T0.AddMinutes(9);

        var log = RunChecks(
            policy,
            now => new SlaTicketFacts { FirstCustomerMessageAt = T0, WaitingSince = T0, ResolvedAt = now >= resolved ? resolved : null },
            T0, 0, 8, 9, 12, 15, 30, 120);

        Assert.Equal([(8, SlaTargetKind.NextResponse, SlaAlertLevel.Warning)], log);
    }

    [Fact]
    public void Breach_alerts_carry_the_target_actions()
    {
        var policy = PolicyOf(
            BusinessCalendar.AlwaysOpen,
            new SlaTarget(SlaTargetKind.OfferAcceptance, TimeSpan.FromMinutes(5), Actions: SlaBreachAction.Alert | SlaBreachAction.Requeue));
        var dues = SlaClock.Compute(policy, new SlaTicketFacts { OfferedAt = T0 });
        var warned = new HashSet<(SlaTargetKind, SlaAlertLevel)> { (SlaTargetKind.OfferAcceptance, SlaAlertLevel.Warning) };

        var alert = Assert.Single(SlaAlertDecision.Due(dues, T0.AddMinutes(5), warned));

        Assert.Equal(SlaBreachAction.Alert | SlaBreachAction.Requeue, alert.Actions);
        Assert.Equal(SlaAlertLevel.Breach, alert.Level);
    }

    [Fact]
    public void Over_the_spring_forward_weekend_alerts_wait_for_monday_opening()
    {
        var policy = PolicyOf(OfficeHours(), new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15)));
        var friday = Utc("2026-03-06 22:55");

        // Friday 17:55 EST; Monday 09:07 EDT is 13:07Z (warning) and 09:10 EDT is 13:10Z (breach).
        var warning = (int)(Utc("2026-03-09 13:07") - friday).TotalMinutes;
        var breach = (int)(Utc("2026-03-09 13:10") - friday).TotalMinutes;

        var log = RunChecks(
            policy,
            _ => new SlaTicketFacts { FirstCustomerMessageAt = friday },
            friday, 4, 60, 24 * 60, 2 * 24 * 60, warning - 1, warning, breach - 1, breach, breach + 60);

        Assert.Equal([(warning, SlaTargetKind.FirstResponse, SlaAlertLevel.Warning), (breach, SlaTargetKind.FirstResponse, SlaAlertLevel.Breach)], log);
    }

    [Fact]
    public void A_holiday_postpones_alerts_to_the_next_business_day()
    {
        var policy = PolicyOf(OfficeHours(new DateOnly(2026, 1, 12)), new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15)));
        var dues = SlaClock.Compute(policy, new SlaTicketFacts { FirstCustomerMessageAt = At("2026-01-09 17:55") });
        var none = new HashSet<(SlaTargetKind, SlaAlertLevel)>();

        Assert.Empty(SlaAlertDecision.Due(dues, At("2026-01-12 12:00"), none));
        Assert.Equal(SlaAlertLevel.Warning, Assert.Single(SlaAlertDecision.Due(dues, At("2026-01-13 09:07"), none)).Level);
        Assert.Equal(SlaAlertLevel.Breach, Assert.Single(SlaAlertDecision.Due(dues, At("2026-01-13 09:10"), none)).Level);
    }
}
