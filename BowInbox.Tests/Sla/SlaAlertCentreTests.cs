using System.Security.Claims;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Web.Audit;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Sla.SlaTargets;

namespace BowInbox.Tests.Sla;

public sealed class SlaAlertCentreTests
{
    internal static ClaimsPrincipal As(string role, string email) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, email), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "test"));

    [Fact]
    public async Task A_warning_still_open_after_its_due_time_is_listed_as_a_breach()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10)]);
        await ChannelTestData.CustomerWroteAsync(app, "boiler pressure low", "15557300009");
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        await app.RunMonitorAsync();
        var centre = app.Services.GetRequiredService<SlaAlertCentre>();
        var supervisor = As(Roles.Supervisor, "supervisor@demo.local");
        var warning = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: false));
        Assert.Equal(SlaAlertLevel.Warning, warning.LevelAt(app.Clock.GetUtcNow().UtcDateTime));

        // Past due, before the monitor's next run has raised the breach: the list does not say "Warning" for it.
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(8));
        var late = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: false));

        Assert.True(late.ClockRunning);
        Assert.Equal(SlaAlertLevel.Breach, late.LevelAt(app.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task Supervisor_acknowledges_an_alert_with_a_note_once_and_it_is_audited()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "garage door stuck", "15557300001");
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunMonitorAsync();
        var centre = app.Services.GetRequiredService<SlaAlertCentre>();
        var supervisor = As(Roles.Supervisor, "supervisor@demo.local");

        var open = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: false));
        Assert.Equal((ticketId, SlaAlertLevel.Breach), (open.TicketId, open.Level));
        Assert.StartsWith("C-", open.CustomerAlias, StringComparison.Ordinal);

        Assert.False((await centre.AcknowledgeAsync(supervisor, open.Id, "  ")).Succeeded);
        Assert.False((await centre.AcknowledgeAsync(As(Roles.Technician, "tech1@demo.local"), open.Id, "mine")).Succeeded);
        Assert.False((await centre.AcknowledgeAsync(As(Roles.IntakeAgent, "intake@demo.local"), open.Id, "mine")).Succeeded);
        var acknowledged = await centre.AcknowledgeAsync(supervisor, open.Id, "Called the customer, Tom is on his way");
        var again = await centre.AcknowledgeAsync(As(Roles.Admin, "admin@demo.local"), open.Id, "me too");

        Assert.True(acknowledged.Succeeded, acknowledged.Message);
        Assert.Equal("Already acknowledged by supervisor@demo.local.", again.Message);
        Assert.Empty(await centre.ListAsync(supervisor, includeAcknowledged: false));
        var shown = Assert.Single(await centre.ListAsync(supervisor, includeAcknowledged: true));
        Assert.Equal(("supervisor@demo.local", "Called the customer, Tom is on his way"), (shown.AcknowledgedBy, shown.AcknowledgeNote));
        Assert.Empty(await centre.ListAsync(As(Roles.Technician, "tech1@demo.local"), includeAcknowledged: true));
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AlertAcknowledged);
        Assert.Equal(("supervisor@demo.local", $"ticket:{ticketId}"), (entry.Actor, entry.Target));
        Assert.Contains("Tom is on his way", entry.Details, StringComparison.Ordinal);
    }
}
