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
}
