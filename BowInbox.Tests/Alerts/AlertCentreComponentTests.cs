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
public sealed class AlertCentreComponentTests : BunitContext, IAsyncLifetime
{
    private readonly InboxAppFactory app = new();

    public AlertCentreComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_ => app.Services.GetRequiredService<SupervisorAlertCentre>());
        Services.AddSingleton(_ => app.Services.GetRequiredService<SlaAlertCentre>());
        Services.AddScoped(_ => new SupervisorAlertFeed(app.Services.GetRequiredService<SupervisorAlertNotifier>()));
        Services.AddScoped(_ => new SlaAlertFeed(app.Services.GetRequiredService<SlaAlertNotifier>()));
        Services.AddSingleton(TimeProvider.System);
        var auth = AddAuthorization();
        auth.SetAuthorized("supervisor@demo.local");
        auth.SetRoles(Roles.Supervisor);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public ValueTask InitializeAsync()
    {
        _ = app.Server;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_flagged_message_appears_live_in_the_alert_centre_and_is_acknowledged_with_a_note()
    {
        var (ticketId, session) = await AssignedConversationAsync(app);
        var dialogs = Render<MudDialogProvider>();
        var centre = Render<AlertCentre>();
        centre.WaitForAssertion(() => Assert.NotNull(centre.Find("[data-testid=no-supervisor-alerts]")));

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Just pay me cash directly, skip the app");

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
        await using var db = app.CreateDbContext();
        var alert = await db.SupervisorAlerts.SingleAsync();
        Assert.Equal(("supervisor@demo.local", "Warned Tom: payments go through the platform"), (alert.AcknowledgedBy, alert.AcknowledgeNote));
    }
}
