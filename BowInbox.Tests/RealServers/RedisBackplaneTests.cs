using System.Collections.Concurrent;
using BowInbox.Core.Sla;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using BowInbox.Web.Sla;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// Two web servers on one database and one Redis server: the hub's pushes cross servers through the backplane, to
/// those who may see the ticket only. Needs BOWINBOX_REDIS (host:port; .ci/run starts a server).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class RedisBackplaneTests
{
    private const string Customer = "15557000777";

    [Fact]
    public async Task A_change_pushed_on_one_server_reaches_hub_clients_of_another_and_no_one_who_may_not_see_it()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        // Everything the servers say to each other on the live channel, to check that no number is in it.
        await using var listener = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis!);
        var onTheWire = new ConcurrentQueue<string>();
        await listener.GetSubscriber().SubscribeAsync(RedisLiveRelay.Channel, (_, message) => onTheWire.Enqueue(message.ToString()));

        await using var first = new InboxAppFactory { KeepFolder = true };
        first.Settings["ConnectionStrings:Redis"] = redis;
        var ticketId = await ChannelTestData.CustomerWroteAsync(first, "my boiler is making noises", Customer);

        await using var second = new InboxAppFactory(first.Folder);
        second.Settings["ConnectionStrings:Redis"] = redis;
        await using var intake = await HubClients.ConnectAsync(second, Intake);
        await using var tech1 = await HubClients.ConnectAsync(second, Tech1);

        // A circuit's live inbox on the second server, and what the second server's workers act on.
        using var scope = second.Services.CreateScope();
        var feed = scope.ServiceProvider.GetRequiredService<LiveInboxFeed>();
        var shown = new ConcurrentQueue<InboxChange>();
        feed.Changed += change =>
        {
            shown.Enqueue(change);
            return Task.CompletedTask;
        };
        feed.Start(IntakeAgent);
        var actedOn = new ConcurrentQueue<InboxChange>();
        using var workers = second.Services.GetRequiredService<InboxEvents>().Subscribe(change =>
        {
            actedOn.Enqueue(change);
            return Task.CompletedTask;
        });
        await Task.Delay(QuietPeriod);
        intake.Received.Clear();
        tech1.Received.Clear();

        // Published on the first server only: nothing on the second server pushes this change by itself.
        var change = new TicketChanged(ticketId, "backplane test");
        await first.Services.GetRequiredService<InboxEvents>().PublishAsync(change);

        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("status").GetString() == "New");
        await Eventually.TrueAsync(() => shown.Contains(change), "the second server's live inbox to show the change");
        var marker = await HubMarkers.PassOfferedTicketAsync(first, tech1, Tech1);
        Assert.All(tech1.Received, c => Assert.Equal(marker, c.TicketId));
        Assert.DoesNotContain(change, actedOn);
        Assert.All(intake.Received, c => Assert.DoesNotContain(Customer, c.Json, StringComparison.Ordinal));

        // An SLA alert raised on the first server reaches the alert centres of the second (Supervisors only).
        long alertId;
        await using (var db = first.CreateDbContext())
        {
            var alert = new SlaAlertRecord { TicketId = ticketId, Kind = SlaTargetKind.FirstResponse, Level = SlaAlertLevel.Breach, DueAt = DateTime.UtcNow, RaisedAt = DateTime.UtcNow };
            db.SlaAlerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
        }

        var supervisorCentre = new SlaAlertFeed(second.Services.GetRequiredService<SlaAlertNotifier>());
        var technicianCentre = new SlaAlertFeed(second.Services.GetRequiredService<SlaAlertNotifier>());
        var alerts = new ConcurrentQueue<(string Who, SlaAlertEvent Alert)>();
        supervisorCentre.Changed += a => Record("supervisor", a);
        technicianCentre.Changed += a => Record("technician", a);
        supervisorCentre.Start(BowInbox.Tests.Sla.SlaAlertCentreTests.As(Roles.Supervisor, "supervisor@demo.local"));
        technicianCentre.Start(BowInbox.Tests.Sla.SlaAlertCentreTests.As(Roles.Technician, Tech1));
        await first.Services.GetRequiredService<SlaAlertNotifier>().NotifyAsync(alertId, AlertChange.Raised);

        await Eventually.TrueAsync(() => alerts.Any(a => a.Who == "supervisor" && a.Alert.Alert.Id == alertId), "the second server's alert centre to show the alert");
        Assert.DoesNotContain(alerts, a => a.Who == "technician");
        supervisorCentre.Dispose();
        technicianCentre.Dispose();

        var health = await second.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        Assert.Contains(onTheWire, m => m.Contains(nameof(SlaAlertEvent), StringComparison.Ordinal));
        Assert.DoesNotContain(onTheWire, m => m.Contains(Customer, StringComparison.Ordinal));

        Task Record(string who, SlaAlertEvent alert)
        {
            alerts.Enqueue((who, alert));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task An_unreachable_redis_leaves_the_server_working_and_reports_it_degraded()
    {
        // Nothing listens on port 1: the backplane is configured but down.
        await using var app = new InboxAppFactory();
        app.Settings["ConnectionStrings:Redis"] = "127.0.0.1:1";

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "still working?", "15557000778");

        Assert.True(ticketId > 0);
        var health = await app.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }
}
