using BowInbox.Core.Alerts;
using BowInbox.Core.Providers;
using BowInbox.Data.Identity;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Alerts;

public sealed class SupervisorAlertTests
{
    private const string Supervisor = "supervisor@demo.local";
    private const string Intake = "intake@demo.local";
    private const string Technician = "tech1@demo.local";

    [Fact]
    public async Task Pay_me_cash_directly_raises_one_alert_pushed_to_supervisors_only()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await using var listeners = await AlertListeners.ConnectAsync(app, Supervisor, Intake, Technician);
        await FlagIntentAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Just pay me cash directly, skip the app");

        var pushed = Assert.Single(await listeners.WaitForAsync(Supervisor, "ContentFlagged"));
        Assert.Equal(ticketId, pushed.GetProperty("ticketId").GetInt32());
        Assert.Contains(TomName, pushed.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var centre = app.Services.GetRequiredService<SupervisorAlertCentre>();
        var listed = Assert.Single(await centre.ListAsync(Staff(Roles.Supervisor, Supervisor), includeAcknowledged: true));
        Assert.Equal((SupervisorAlertKind.ContentFlagged, ticketId), (listed.Kind, listed.TicketId));
        Assert.Empty(await centre.ListAsync(Staff(Roles.IntakeAgent, Intake), includeAcknowledged: true));
        Assert.Empty(await centre.ListAsync(Staff(Roles.Technician, Technician), includeAcknowledged: true));

        await HubMarkers.PassOnTicketAsync(app, ticketId, listeners.Clients[Intake], listeners.Clients[Technician]);
        Assert.Empty(listeners.Received[Intake]);
        Assert.Empty(listeners.Received[Technician]);
        AssertPrivate(listeners.Received[Supervisor].Single(), listed.Summary);
        Assert.DoesNotContain("pay me cash", listed.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Three_leak_attempts_pause_the_provider_and_raise_one_pause_alert()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await using var listeners = await AlertListeners.ConnectAsync(app, Supervisor);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "text me at 555 010 0001");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "or email tom.plumbing@example.com");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "find me on instagram @tomfixes");

        var pushed = Assert.Single(await listeners.WaitForAsync(Supervisor, "ProviderPaused"));
        Assert.Equal(ticketId, pushed.GetProperty("ticketId").GetInt32());
        await using var check = app.CreateDbContext();
        var alert = await check.SupervisorAlerts.SingleAsync(a => a.Kind == SupervisorAlertKind.ProviderPaused);
        Assert.Equal(await ProviderIdAsync(app), alert.ProviderId);
        Assert.Equal(ProviderAvailability.Paused, (await check.Providers.SingleAsync(p => p.Id == alert.ProviderId)).Availability);
        Assert.Contains("Tom Baker was paused automatically", alert.Summary, StringComparison.Ordinal);
        AssertPrivate(listeners.Received[Supervisor].Last(), alert.Summary);
        Assert.DoesNotContain("tom.plumbing", alert.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_cycle_that_exhausts_the_attempt_limit_raises_one_escalation_alert()
    {
        await using var app = new RoutingApp();
        await using var listeners = await AlertListeners.ConnectAsync(app, Supervisor, Intake);
        var ticketId = await app.LeadOfferedAsync();
        for (var round = 0; round < 2; round++)
        {
            await app.PendingOfferAsync(ticketId);
            app.Clock.Advance(TimeSpan.FromMinutes(6));
            await app.RunExpiryJobAsync();
        }

        var pushed = Assert.Single(await listeners.WaitForAsync(Supervisor, "TicketEscalated"));
        Assert.Equal(ticketId, pushed.GetProperty("ticketId").GetInt32());
        await app.RunExpiryJobAsync();
        await using var db = app.CreateDbContext();
        var alert = await db.SupervisorAlerts.SingleAsync();
        Assert.Equal((SupervisorAlertKind.TicketEscalated, ticketId), (alert.Kind, alert.TicketId));
        Assert.Contains("escalated", alert.Summary, StringComparison.Ordinal);
        AssertPrivate(listeners.Received[Supervisor].Single(), alert.Summary);
        Assert.Empty(listeners.Received[Intake]);
    }

    [Fact]
    public async Task Only_supervisors_and_admins_acknowledge_with_a_note_once_and_it_is_audited()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await FlagIntentAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Pay me cash directly please");
        var centre = app.Services.GetRequiredService<SupervisorAlertCentre>();
        var supervisor = Staff(Roles.Supervisor, Supervisor);
        var open = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: false));

        Assert.False((await centre.AcknowledgeAsync(Staff(Roles.IntakeAgent, Intake), open.Id, "mine")).Succeeded);
        Assert.False((await centre.AcknowledgeAsync(Staff(Roles.Technician, Technician), open.Id, "mine")).Succeeded);
        Assert.False((await centre.AcknowledgeAsync(supervisor, open.Id, " ")).Succeeded);
        var acknowledged = await centre.AcknowledgeAsync(supervisor, open.Id, "Warned Tom about payments");
        var again = await centre.AcknowledgeAsync(Staff(Roles.Admin, "admin@demo.local"), open.Id, "me too");

        Assert.True(acknowledged.Succeeded, acknowledged.Message);
        Assert.Equal($"Already acknowledged by {Supervisor}.", again.Message);
        Assert.Empty(await centre.ListAsync(supervisor, includeAcknowledged: false));
        var shown = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: true));
        Assert.Equal((Supervisor, "Warned Tom about payments"), (shown.AcknowledgedBy, shown.AcknowledgeNote));
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AlertAcknowledged);
        Assert.Equal((Supervisor, $"ticket:{ticketId}"), (entry.Actor, entry.Target));
        Assert.Contains("Warned Tom about payments", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_the_same_cause_again_adds_no_second_alert()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _) = await AssignedConversationAsync(app);
        var now = DateTime.UtcNow;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = app.CreateDbContext();
            var raised = await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.TicketEscalated, $"escalated:{ticketId}:1", ticketId, null, "Job escalated", now, CancellationToken.None);
            Assert.Equal(attempt == 0, raised is not null);
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.SupervisorAlerts.CountAsync());
    }

    /// <summary>Neither party's real number, nor the flagged words, in what supervisors are sent or shown.</summary>
    private static void AssertPrivate(params string[] texts)
    {
        foreach (var text in texts)
        {
            foreach (var number in new[] { Tom, Customer, RoutingApp.Customer, "0100001", "555 010" })
            {
                Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            }
        }
    }
}
