using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BowInbox.Tests.Sla.SlaTargets;

namespace BowInbox.Tests.Sla;

/// <summary>The monitor job and the stored clocks, on the real app with a fake clock.</summary>
public sealed class SlaMonitorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Warning_then_breach_are_raised_once_each_as_the_clock_moves()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "tap is dripping", "15557100001");
        var wroteAt = app.Now;

        app.Clock.Advance(7 * Minute);
        await app.RunMonitorAsync();
        Assert.Empty(await app.AlertsAsync(ticketId));

        app.Clock.Advance(Minute);
        await app.RunMonitorAsync();
        await app.RunMonitorAsync();
        var warning = Assert.Single(await app.AlertsAsync(ticketId));
        Assert.Equal((SlaTargetKind.FirstResponse, SlaAlertLevel.Warning), (warning.Kind, warning.Level));

        app.Clock.Advance(2 * Minute);
        await app.RunMonitorAsync();
        app.Clock.Advance(30 * Minute);
        await app.RunMonitorAsync();

        var alerts = await app.AlertsAsync(ticketId);
        Assert.Equal([SlaAlertLevel.Warning, SlaAlertLevel.Breach], alerts.Select(a => a.Level));
        Assert.All(alerts, a => Assert.Equal(SlaAlertRaiser.Key(wroteAt.AddMinutes(10)), DateTime.SpecifyKind(a.DueAt, DateTimeKind.Utc)));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.TicketEvents.CountAsync(e => e.TicketId == ticketId && e.Kind == "sla-breach"));
    }

    [Fact]
    public async Task Agent_reply_before_the_warning_raises_nothing()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "boiler pressure low", "15557100002");

        app.Clock.Advance(5 * Minute);
        var reply = await app.Replies().ReplyAsync(ticketId, "A plumber will call you shortly", ChannelTestData.Agent);
        Assert.True(reply.Succeeded, reply.Message);
        app.Clock.Advance(60 * Minute);
        await app.RunMonitorAsync();

        Assert.Empty(await app.AlertsAsync(ticketId));
    }

    [Fact]
    public async Task Next_response_clock_stops_at_the_agents_reply_and_starts_again_with_the_next_customer_message()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.NextResponse, 10)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "is anyone there?", "15557100003");

        app.Clock.Advance(3 * Minute);
        await app.Replies().ReplyAsync(ticketId, "Yes, looking into it", ChannelTestData.Agent);
        app.Clock.Advance(60 * Minute);
        await app.RunMonitorAsync();
        Assert.Empty(await app.AlertsAsync(ticketId));
        await using (var db = app.CreateDbContext())
        {
            Assert.Null(await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.SlaDueAt).SingleAsync());
        }

        await ChannelTestData.CustomerWroteAsync(app, "still waiting", "15557100003");
        app.Clock.Advance(11 * Minute);
        await app.RunMonitorAsync();

        var breach = Assert.Single(await app.AlertsAsync(ticketId));
        Assert.Equal((SlaTargetKind.NextResponse, SlaAlertLevel.Breach), (breach.Kind, breach.Level));
    }

    [Fact]
    public async Task Stored_clock_follows_the_tickets_events()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10), Minutes(SlaTargetKind.Resolution, 120)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "door bell broken", "15557100004");
        var wroteAt = app.Now;
        await using var db = app.CreateDbContext();
        async Task<(SlaTargetKind?, DateTime?)> StoredAsync() =>
            await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => ValueTuple.Create(t.SlaKind, t.SlaDueAt)).SingleAsync();

        await Eventually.TrueAsync(async () => await StoredAsync() == (SlaTargetKind.FirstResponse, wroteAt.AddMinutes(10)), "the first-response clock to be stored");

        await app.Replies().ReplyAsync(ticketId, "On it", ChannelTestData.Agent);
        await Eventually.TrueAsync(async () => await StoredAsync() == (SlaTargetKind.Resolution, wroteAt.AddMinutes(120)), "the resolution clock to be next");
    }

    [Fact]
    public async Task Acceptance_breach_requeues_to_the_next_provider_once_per_offer()
    {
        var router = new RecordingTicketRouter();
        await using var app = new SlaTestApp(router: router);
        var group = await app.GroupIdAsync("Plumbers - Downtown");
        await app.SetPolicyAsync(group, Urgency.Normal, [Minutes(SlaTargetKind.OfferAcceptance, 5, SlaBreachAction.Requeue)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "kitchen sink blocked", "15557100005");
        await app.OfferAsync(ticketId, "Plumbers - Downtown", "Tom Baker");
        router.OnRequeue = id => app.OfferAsync(id, "Plumbers - Downtown", "Ana Lopez");

        app.Clock.Advance(6 * Minute);
        await app.RunMonitorAsync();
        await app.RunMonitorAsync();

        var (requeuedId, reason) = Assert.Single(router.Requeued);
        Assert.Equal(ticketId, requeuedId);
        Assert.Contains("Offer acceptance", reason, StringComparison.Ordinal);
        var breach = Assert.Single(await app.AlertsAsync(ticketId));
        Assert.Equal(("Tom Baker", SlaAlertLevel.Breach), (breach.Responsible, breach.Level));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await app.ProviderIdAsync("Ana Lopez"), await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ProviderId).SingleAsync());
        }

        app.Clock.Advance(6 * Minute);
        await app.RunMonitorAsync();

        Assert.Equal(2, router.Requeued.Count);
        Assert.Equal(["Tom Baker", "Ana Lopez"], (await app.AlertsAsync(ticketId)).Where(a => a.Level == SlaAlertLevel.Breach).Select(a => a.Responsible));
    }

    [Fact]
    public async Task Escalate_action_moves_the_breached_ticket_to_escalated()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5, SlaBreachAction.Escalate)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "smell of gas", "15557100006");

        app.Clock.Advance(6 * Minute);
        await app.RunMonitorAsync();

        await using var db = app.CreateDbContext();
        Assert.Equal(TicketStatus.Escalated, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync());
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "status" && e.Detail.StartsWith("Escalated")));
    }

    [Fact]
    public async Task Two_monitor_runs_at_once_raise_each_alert_once()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5), Minutes(SlaTargetKind.NextResponse, 5)]);
        var ticketIds = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ticketIds.Add(await ChannelTestData.CustomerWroteAsync(app, $"help {i}", $"1555710010{i}"));
        }

        var notified = 0;
        using var subscription = app.Services.GetRequiredService<SlaAlertNotifier>().Subscribe(_ =>
        {
            Interlocked.Increment(ref notified);
            return Task.CompletedTask;
        });
        app.Clock.Advance(6 * Minute);

        await Task.WhenAll(app.RunMonitorAsync(), app.RunMonitorAsync(), app.RunMonitorAsync());

        // Whichever run (or Hangfire's own minutely one) inserted an alert, it was announced once.
        Assert.Equal(10, notified);
        foreach (var ticketId in ticketIds)
        {
            Assert.Equal([SlaTargetKind.FirstResponse, SlaTargetKind.NextResponse], (await app.AlertsAsync(ticketId)).Select(a => a.Kind).Order());
        }
    }

    [Fact]
    public async Task A_restarted_app_raises_no_alert_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string folder;
        int ticketId;
        await using (var first = new SlaTestApp(clock: clock) { KeepFolder = true })
        {
            await first.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5)]);
            ticketId = await ChannelTestData.CustomerWroteAsync(first, "radiator leaking", "15557100007");
            clock.Advance(6 * Minute);
            await first.RunMonitorAsync();
            Assert.Single(await first.AlertsAsync(ticketId));
            folder = first.Folder;
        }

        await using var restarted = new SlaTestApp(folder, clock);
        clock.Advance(Minute);
        var run = await restarted.RunMonitorAsync();

        Assert.Equal(0, run.AlertsRaised);
        Assert.Single(await restarted.AlertsAsync(ticketId));
        await using var db = restarted.CreateDbContext();
        Assert.Equal(1, await db.TicketEvents.CountAsync(e => e.TicketId == ticketId && e.Kind == "sla-breach"));
    }
}
