using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using BowInbox.Web.Components.Pages.Sla;
using BowInbox.Web.Sla;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Alerts;

/// <summary>The alert centre on /supervisor rendered with the real services of a running app.</summary>
public sealed class AlertCentreComponentTests : AppComponentTest
{
    public AlertCentreComponentTests()
    {
        UseAppService<SupervisorAlertCentre>();
        UseAppService<SlaAlertCentre>();
        UseAppService<BowInbox.Web.Offenders.AlertPauseLifting>();
        Services.AddScoped(_ => new SupervisorAlertFeed(App.Services.GetRequiredService<SupervisorAlertNotifier>()));
        Services.AddScoped(_ => new SlaAlertFeed(App.Services.GetRequiredService<SlaAlertNotifier>()));
        SignInAs("supervisor@demo.local", Roles.Supervisor);
    }

    [Fact]
    public async Task A_flagged_message_appears_live_in_the_alert_centre_and_is_acknowledged_with_a_note()
    {
        var (ticketId, session) = await AssignedConversationAsync(App);
        var dialogs = Render<MudDialogProvider>();
        var centre = Render<AlertCentre>();
        centre.WaitForAssertion(() => Assert.NotNull(centre.Find("[data-testid=no-supervisor-alerts]")));
        await FlagIntentAsync(App);

        await ProviderWritesAsync(App, session.PoolPhoneNumberId, "Just pay me cash directly, skip the App");

        centre.WaitForAssertion(() => Assert.Single(centre.FindAll("[data-testid=supervisor-alert]")), TimeSpan.FromSeconds(10));
        var row = centre.Find("[data-testid=supervisor-alert]");
        Assert.Equal("ContentFlagged", row.GetAttribute("data-kind"));
        Assert.Contains($"#{ticketId}", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tom Baker", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Tom, centre.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Customer, centre.Markup, StringComparison.Ordinal);

        // The click's handler awaits the dialog, so it completes only once the note is confirmed.
        var acknowledging = centre.Find("[data-testid=acknowledge-supervisor-alert]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("textarea")));
        dialogs.Find("textarea").Input("Warned Tom: payments go through the platform");
        await dialogs.Find("[data-testid=acknowledge-confirm]").ClickAsync(new());
        await acknowledging;

        centre.WaitForAssertion(() => Assert.NotNull(centre.Find("[data-testid=no-supervisor-alerts]")));
        await using var db = App.CreateDbContext();
        var alert = await db.SupervisorAlerts.SingleAsync();
        Assert.Equal(("supervisor@demo.local", "Warned Tom: payments go through the platform"), (alert.AcknowledgedBy, alert.AcknowledgeNote));
    }

    [Fact]
    public async Task A_supervisor_resumes_a_paused_technician_from_the_alert_with_a_note_and_the_alert_closes()
    {
        var (ticketId, _) = await AssignedConversationAsync(App);
        var (providerId, alertId) = await PausedTechnicianAlertAsync(ticketId);
        var dialogs = Render<MudDialogProvider>();
        var centre = Render<AlertCentre>();
        centre.WaitForAssertion(() => Assert.Single(centre.FindAll("[data-testid=supervisor-alert]")));

        var lifting = centre.Find("[data-testid=lift-pause-from-alert]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("textarea")));
        Assert.Contains("Resume technician", dialogs.Find("[data-testid=acknowledge-confirm]").TextContent, StringComparison.Ordinal);
        dialogs.Find("textarea").Input("Spoke to Tom; first offence");
        await dialogs.Find("[data-testid=acknowledge-confirm]").ClickAsync(new());
        await lifting;

        centre.WaitForAssertion(() => Assert.NotNull(centre.Find("[data-testid=no-supervisor-alerts]")));
        Assert.DoesNotContain(Tom, centre.Markup, StringComparison.Ordinal);
        await using var db = App.CreateDbContext();
        Assert.Equal(BowInbox.Core.Providers.ProviderAvailability.Online, await db.Providers.Where(p => p.Id == providerId).Select(p => p.Availability).SingleAsync());
        var alert = await db.SupervisorAlerts.SingleAsync(a => a.Id == alertId);
        Assert.Equal("Pause lifted: Spoke to Tom; first offence", alert.AcknowledgeNote);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == BowInbox.Web.Audit.AuditActions.PauseLifted);
        Assert.Equal(("supervisor@demo.local", $"provider:{providerId}"), (audit.Actor, audit.Target));
        Assert.Contains("first offence", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_but_a_supervisor_or_admin_resumes_a_technician_from_an_alert_and_a_note_is_required()
    {
        var (ticketId, _) = await AssignedConversationAsync(App);
        var (providerId, alertId) = await PausedTechnicianAlertAsync(ticketId);
        var lifting = App.Services.GetRequiredService<BowInbox.Web.Offenders.AlertPauseLifting>();

        Assert.False((await lifting.LiftAsync(Staff(Roles.Technician, "tom@demo.local"), alertId, "let me back")).Succeeded);
        Assert.False((await lifting.LiftAsync(Staff(), alertId, "ok")).Succeeded);
        Assert.False((await lifting.LiftAsync(Staff(Roles.Supervisor, "supervisor@demo.local"), alertId, " ")).Succeeded);

        await using var db = App.CreateDbContext();
        Assert.Equal(BowInbox.Core.Providers.ProviderAvailability.Paused, await db.Providers.Where(p => p.Id == providerId).Select(p => p.Availability).SingleAsync());
        Assert.Null(await db.SupervisorAlerts.Where(a => a.Id == alertId).Select(a => a.AcknowledgedAt).SingleAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == BowInbox.Web.Audit.AuditActions.PauseLifted));
    }

    private async Task<(int ProviderId, long AlertId)> PausedTechnicianAlertAsync(int ticketId)
    {
        var providerId = await ProviderIdAsync(App);
        await using var db = App.CreateDbContext();
        await db.Providers.Where(p => p.Id == providerId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Availability, BowInbox.Core.Providers.ProviderAvailability.Paused)
            .SetProperty(p => p.PauseReason, "Paused automatically: 3 messages tried to share contact details. Only a supervisor can lift the pause."));
        var alert = new BowInbox.Core.Alerts.SupervisorAlert
        {
            Kind = BowInbox.Core.Alerts.SupervisorAlertKind.ProviderPaused,
            Key = $"paused:{providerId}:test",
            TicketId = ticketId,
            ProviderId = providerId,
            Summary = "Tom Baker was paused after 3 contact-leak attempts.",
            RaisedAt = DateTime.UtcNow,
        };
        db.SupervisorAlerts.Add(alert);
        await db.SaveChangesAsync();
        return (providerId, alert.Id);
    }
}
