using BowInbox.Core.Kpi;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Tests.Kpi;

public sealed class KpiCalculatorTests
{
    private static readonly DateTime T0 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    private static TicketFacts Ticket(int id, double? replyMinutes, double? acceptMinutes = null, TicketStatus status = TicketStatus.New, int? group = 1, int? provider = null, string? service = "plumbing")
        => new(id, T0.AddHours(id), replyMinutes is { } r ? T0.AddHours(id).AddMinutes(r) : null, acceptMinutes is null ? null : T0.AddHours(id).AddMinutes(1),
            acceptMinutes is { } a ? T0.AddHours(id).AddMinutes(a) : null, null, null, status, group, provider, service);

    /// <summary>Four tickets answered after 1, 2, 3 and 10 minutes.</summary>
    private static KpiFacts FourTickets(params OfferFacts[] offers) => new(
        [Ticket(1, 1, acceptMinutes: 4, provider: 7), Ticket(2, 2, acceptMinutes: 8, provider: 7, status: TicketStatus.Resolved), Ticket(3, 3, group: 2, service: "electrical"), Ticket(4, 10, group: 2, service: "electrical")],
        offers, [], [], []);

    [Fact]
    public void First_response_of_four_known_tickets_has_exact_median_p90_and_share_under_five_minutes()
    {
        var report = KpiCalculator.Compute(FourTickets());

        Assert.Equal(4, report.FirstResponse.Count);
        Assert.Equal(TimeSpan.FromMinutes(2.5), report.FirstResponse.Median);
        Assert.Equal(TimeSpan.FromMinutes(7.9), report.FirstResponse.P90);
        Assert.Equal(0.75, report.FirstResponse.ShareWithin);
    }

    [Fact]
    public void Leak_attempts_caught_are_counted_apart_from_leaks_that_got_through_and_few_tickets_are_a_small_sample()
    {
        var facts = FourTickets() with
        {
            Violations =
            [
                new(1, ViolationKind.Phone, PolicyAction.Redact, 7),
                new(1, ViolationKind.Email, PolicyAction.Block, 7),
                new(3, ViolationKind.PaymentOutside, PolicyAction.Flag, null),
            ],
        };

        var report = KpiCalculator.Compute(facts);

        Assert.Equal((2, 1), (report.LeakAttemptsCaught, report.LeaksThrough));
        Assert.True(report.IsSmallSample);
        Assert.False(KpiSample.IsSmall(KpiSample.Meaningful));
    }

    [Fact]
    public void Unanswered_tickets_are_not_measured_for_first_response()
    {
        var facts = new KpiFacts([Ticket(1, 4), Ticket(2, null)], [], [], [], []);

        var report = KpiCalculator.Compute(facts);

        Assert.Equal(2, report.Conversations);
        Assert.Equal(1, report.FirstResponse.Count);
        Assert.Equal(TimeSpan.FromMinutes(4), report.FirstResponse.Median);
    }

    [Fact]
    public void Time_to_dispatch_runs_from_first_message_to_the_confirmed_arrival_window_not_to_acceptance()
    {
        var facts = FourTickets() with
        {
            Tickets = [Ticket(1, 1, acceptMinutes: 4, provider: 7) with { ArrivalConfirmedAt = T0.AddHours(1).AddMinutes(20) }, Ticket(2, 2, acceptMinutes: 8, provider: 7)],
        };

        var report = KpiCalculator.Compute(facts);

        Assert.Equal(1, report.TimeToDispatch.Count);
        Assert.Equal(TimeSpan.FromMinutes(20), report.TimeToDispatch.Median);
    }

    [Fact]
    public void Scheduled_rate_counts_accepted_offers_whose_provider_then_confirmed_a_window()
    {
        var facts = new KpiFacts(
            [Ticket(1, 1, acceptMinutes: 4, provider: 7) with { ArrivalConfirmedAt = T0.AddHours(2) }, Ticket(2, 2, acceptMinutes: 8, provider: 7), Ticket(3, 1, acceptMinutes: 3, provider: 9) with { ArrivalConfirmedAt = T0.AddHours(4) }],
            [
                new(1, 7, OfferStatus.Accepted, T0, T0),
                new(2, 7, OfferStatus.Accepted, T0, T0),
                new(3, 8, OfferStatus.Accepted, T0, T0),
                new(3, 9, OfferStatus.Accepted, T0, T0),
            ],
            [], [], []);

        var report = KpiCalculator.Compute(facts);

        // Ticket 3 was accepted by 8, then reassigned to 9 who confirmed: only 9's acceptance became a scheduled job.
        Assert.Equal(1.0, report.AcceptanceRate);
        Assert.Equal(0.5, report.ScheduledRate);
    }

    [Fact]
    public void Acceptance_rate_counts_only_offers_the_provider_answered_or_let_expire()
    {
        var report = KpiCalculator.Compute(FourTickets(
            new(1, 7, OfferStatus.Accepted, T0, T0),
            new(2, 7, OfferStatus.Declined, T0, T0),
            new(2, 8, OfferStatus.Expired, T0, null),
            new(3, 8, OfferStatus.Pending, T0, null),
            new(4, 8, OfferStatus.Withdrawn, T0, null)));

        Assert.Equal(3, report.OffersAnswered);
        Assert.Equal(1.0 / 3, report.AcceptanceRate!.Value, 6);
    }

    [Fact]
    public void Containment_is_the_share_of_resolved_conversations_where_no_leak_got_through()
    {
        var facts = new KpiFacts(
            [
                Ticket(1, 1, status: TicketStatus.Resolved), Ticket(2, 1, status: TicketStatus.Closed),
                Ticket(3, 1, status: TicketStatus.Resolved), Ticket(4, 1, status: TicketStatus.Resolved), Ticket(5, 1),
            ],
            [],
            [
                new(1, ViolationKind.Phone, PolicyAction.Redact, 7),
                new(2, ViolationKind.Email, PolicyAction.Block, 7),
                new(3, ViolationKind.PaymentOutside, PolicyAction.Flag, null),
                new(5, ViolationKind.Phone, PolicyAction.Flag, 7),
            ],
            [], []);

        var report = KpiCalculator.Compute(facts);

        // Four resolved; only #3 let something through (a flagged message is delivered). #5 is still open.
        Assert.Equal(0.75, report.Containment);
        Assert.Equal(0.25, report.MeasuredLeakage);
        Assert.Equal(2, report.CaughtAttempts);
        Assert.Equal(40, report.ViolationsPer100[ViolationKind.Phone]);
        Assert.Equal(0, report.ViolationsPer100[ViolationKind.Link]);
    }

    [Fact]
    public void Leakage_incidents_are_contact_details_that_got_through_plus_number_reveals()
    {
        var facts = FourTickets() with
        {
            Violations =
            [
                new(1, ViolationKind.Phone, PolicyAction.Redact, 7),
                new(2, ViolationKind.Email, PolicyAction.Flag, 7),
                new(3, ViolationKind.PaymentOutside, PolicyAction.Flag, null),
            ],
            Reveals = [new(4, T0.AddDays(1))],
        };

        var report = KpiCalculator.Compute(facts);

        Assert.Equal([2, 4], report.LeakageIncidents.Select(i => i.TicketId).ToArray());
        Assert.Contains("Email got through", report.LeakageIncidents[0].What, StringComparison.Ordinal);
        Assert.Contains("Number revealed", report.LeakageIncidents[1].What, StringComparison.Ordinal);
        Assert.Single(KpiCalculator.Compute(facts.ForTickets(t => t.Id == 4)).LeakageIncidents);
    }

    [Fact]
    public void Sla_compliance_per_target_counts_breached_tickets_among_those_the_target_applied_to()
    {
        var facts = FourTickets() with
        {
            SlaAlerts =
            [
                new(1, SlaTargetKind.FirstResponse, SlaAlertLevel.Breach),
                new(1, SlaTargetKind.FirstResponse, SlaAlertLevel.Breach),
                new(2, SlaTargetKind.FirstResponse, SlaAlertLevel.Warning),
                new(2, SlaTargetKind.OfferAcceptance, SlaAlertLevel.Breach),
                new(3, SlaTargetKind.OfferAcceptance, SlaAlertLevel.Breach),
            ],
        };

        var report = KpiCalculator.Compute(facts);

        var first = report.SlaCompliance.Single(s => s.Target == SlaTargetKind.FirstResponse);
        Assert.Equal((4, 1, (double?)0.75), (first.Applicable, first.Breached, first.Rate));
        var acceptance = report.SlaCompliance.Single(s => s.Target == SlaTargetKind.OfferAcceptance);
        Assert.Equal((2, 1, (double?)0.5), (acceptance.Applicable, acceptance.Breached, acceptance.Rate));
    }

    [Fact]
    public void Requeues_escalations_and_jobs_done_are_counted()
    {
        var facts = FourTickets() with
        {
            StatusChanges = [new(1, TicketStatus.Requeued), new(1, TicketStatus.Offered), new(2, TicketStatus.Requeued), new(3, TicketStatus.Escalated)],
        };

        var report = KpiCalculator.Compute(facts);

        Assert.Equal((2, 1, 1), (report.Requeues, report.Escalations, report.JobsDone));
    }

    [Fact]
    public void Breakdown_slices_tickets_by_group_and_service_type()
    {
        var facts = FourTickets();

        var byGroup = KpiBreakdown.By(facts, t => t.GroupId is { } g ? $"group {g}" : null);
        var byService = KpiBreakdown.By(facts, t => t.ServiceType);

        Assert.Equal(["group 1", "group 2"], byGroup.Select(s => s.Name).ToArray());
        Assert.Equal(TimeSpan.FromMinutes(1.5), byGroup[0].Report.FirstResponse.Median);
        Assert.Equal(TimeSpan.FromMinutes(6.5), byService.Single(s => s.Name == "electrical").Report.FirstResponse.Median);
    }

    [Fact]
    public void Empty_period_has_no_rates_rather_than_zero()
    {
        var report = KpiCalculator.Compute(KpiFacts.Empty);

        Assert.Null(report.AcceptanceRate);
        Assert.Null(report.Containment);
        Assert.Null(report.FirstResponse.Median);
        Assert.All(report.SlaCompliance, s => Assert.Null(s.Rate));
    }
}
