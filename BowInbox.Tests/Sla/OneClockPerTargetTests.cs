using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Web.Inbox;
using BowInbox.Web.Sla;
using static BowInbox.Tests.Sla.NewYork;

namespace BowInbox.Tests.Sla;

/// <summary>One clock per target: the offer's expiry and the SLA pill agree, an ended offer runs no clock, a late warning reads as a breach.</summary>
public sealed class OneClockPerTargetTests
{
    private static readonly DateTime T0 = Utc("2026-01-12 15:00");

    private static readonly SlaPolicy Policy = new(
        GroupId: 1,
        Urgency.Normal,
        [new SlaTarget(SlaTargetKind.OfferAcceptance, TimeSpan.FromMinutes(10), 0.5, SlaBreachAction.Alert | SlaBreachAction.Requeue)],
        BusinessCalendar.AlwaysOpen);

    private static SlaTicketSnapshot Ticket(TicketStatus status, DateTime? offerExpiresAt) => new(
        1, status, 1, Urgency.Normal, new SlaTicketFacts { FirstCustomerMessageAt = T0, OfferedAt = T0, OfferExpiresAt = offerExpiresAt }, null, null, null);

    [Fact]
    public void An_offer_that_runs_out_before_the_target_is_due_when_it_runs_out_and_alerts_nothing_itself()
    {
        var due = Assert.Single(SlaTicketClock.Dues(Ticket(TicketStatus.Offered, T0.AddMinutes(4)), Policy));

        Assert.Equal((T0.AddMinutes(2), T0.AddMinutes(4), true, SlaBreachAction.None), (due.WarnAt, due.DueAt, due.Running, due.Actions));
        Assert.Equal(new SlaNearest(SlaTargetKind.OfferAcceptance, T0.AddMinutes(2), T0.AddMinutes(4)), SlaTicketClock.Nearest([due]));

        // Its running out hands the job on by itself: no second re-queue, no alert racing it.
        Assert.Empty(SlaAlertDecision.Due([due], T0.AddMinutes(5), new HashSet<(SlaTargetKind, SlaAlertLevel)>()));
    }

    [Fact]
    public void A_target_shorter_than_the_offer_keeps_its_own_time_and_actions()
    {
        var due = Assert.Single(SlaTicketClock.Dues(Ticket(TicketStatus.Offered, T0.AddMinutes(30)), Policy));

        Assert.Equal((T0.AddMinutes(10), SlaBreachAction.Alert | SlaBreachAction.Requeue), (due.DueAt!.Value, due.Actions));
        Assert.Single(SlaAlertDecision.Due([due], T0.AddMinutes(11), new HashSet<(SlaTargetKind, SlaAlertLevel)>()));
    }

    [Theory]
    [InlineData(TicketStatus.Escalated)]
    [InlineData(TicketStatus.Requeued)]
    public void A_ticket_whose_offer_ended_without_an_answer_runs_no_offer_clock(TicketStatus status)
    {
        var dues = SlaTicketClock.Dues(Ticket(status, null), Policy);

        Assert.False(Assert.Single(dues).Running);
        Assert.Equal(SlaNearest.None, SlaTicketClock.Nearest(dues));
    }

    [Fact]
    public void The_status_line_counts_down_to_the_same_time_as_the_pill()
    {
        var now = new DateTime(2026, 11, 23, 10, 20, 0, DateTimeKind.Utc);
        var row = new TicketRow(7, "C-4F7K2", "Beatriz", null, "WhatsApp", TicketStatus.Offered, null, null, null, 0, now, null,
            SlaTargetKind.OfferAcceptance, now.AddMinutes(1), DateTime.SpecifyKind(now.AddMinutes(2), DateTimeKind.Unspecified));
        var details = new TicketDetails(row, null, null, Urgency.Normal, null, null, null, true, []) { OfferedTo = "Tom", OfferExpiresAt = now.AddMinutes(5) };

        Assert.Equal("Offered to Tom · 2:00 left", TicketStatusText.Describe(details, now));
        Assert.Equal("Offered to Tom · 5:00 left", TicketStatusText.Describe(details with { Row = row with { SlaKind = SlaTargetKind.FirstResponse } }, now));
    }

    [Fact]
    public void A_warning_whose_clock_ran_past_due_reads_as_a_breach()
    {
        var due = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Unspecified);
        var warning = new SlaAlertView(1, 7, "C-4F7K2", SlaTargetKind.FirstResponse, SlaAlertLevel.Warning, due, due.AddMinutes(-2), null, null, null, null, null) { ClockRunning = true };
        var after = DateTime.SpecifyKind(due, DateTimeKind.Utc).AddSeconds(8);

        Assert.Equal(SlaAlertLevel.Warning, warning.LevelAt(after.AddMinutes(-1)));
        Assert.Equal(SlaAlertLevel.Breach, warning.LevelAt(after));
        Assert.Equal(SlaAlertLevel.Warning, (warning with { ClockRunning = false }).LevelAt(after));
    }
}
