using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Seed;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Sla.SlaAlertCentreTests;
using static BowInbox.Tests.Sla.SlaTargets;

namespace BowInbox.Tests.Sla;

/// <summary>The optional WhatsApp text to supervisors on a breach, on the real app with a fake clock.</summary>
public sealed class SlaBreachTextsTests
{
    private const string AdminNumber = "15550100077";

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task With_texts_on_a_breach_is_texted_once_to_each_supervisor_and_to_nobody_else()
    {
        await using var app = new SlaTestApp();
        await RegisterAdminNumberAsync(app);
        Assert.True((await Texts(app).SetEnabledAsync(As(Roles.Admin, "admin@demo.local"), true)).Succeeded);
        Assert.Equal((true, 1), await Texts(app).StatusAsync());
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "tap is dripping", "15557100001");

        app.Clock.Advance(8 * Minute);
        await app.RunMonitorAsync();
        Assert.Single(await app.AlertsAsync(ticketId));
        Assert.Equal(0, await BreachTextRowsAsync(app));

        app.Clock.Advance(3 * Minute);
        await Task.WhenAll(app.RunMonitorAsync(), app.RunMonitorAsync());
        await app.RunMonitorAsync();

        Assert.Equal(2, (await app.AlertsAsync(ticketId)).Count);
        Assert.Equal(1, await BreachTextRowsAsync(app));
        await Eventually.TrueAsync(() => SupervisorTexts(app).Count == 1, "the supervisor to be texted");
        var sent = Assert.Single(SupervisorTexts(app));
        Assert.Equal(BowInbox.Tests.Relay.RelayTestData.Central, sent.PhoneNumberId);
        Assert.Contains($"\"{ticketId}\"", sent.Body, StringComparison.Ordinal);
        Assert.Contains("First response was due", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("15557100001", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == AdminNumber);
    }

    [Fact]
    public async Task Texts_are_off_until_an_admin_turns_them_on_and_only_an_admin_can()
    {
        await using var app = new SlaTestApp();
        Assert.Equal((false, 1), await Texts(app).StatusAsync());
        var refused = await Texts(app).SetEnabledAsync(As(Roles.Supervisor, DemoData.SupervisorEmail), true);
        Assert.False(refused.Succeeded);
        Assert.False((await Texts(app).StatusAsync()).Enabled);

        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 10)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "tap is dripping", "15557100002");
        app.Clock.Advance(11 * Minute);
        await app.RunMonitorAsync();

        Assert.Contains(await app.AlertsAsync(ticketId), a => a.Level == SlaAlertLevel.Breach);
        Assert.Equal(0, await BreachTextRowsAsync(app));

        Assert.True((await Texts(app).SetEnabledAsync(As(Roles.Admin, "admin@demo.local"), true)).Succeeded);
        Assert.True((await Texts(app).SetEnabledAsync(As(Roles.Admin, "admin@demo.local"), false)).Succeeded);
        Assert.False((await Texts(app).StatusAsync()).Enabled);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Target == SlaBreachTexts.SettingKey));
    }

    private static SlaBreachTexts Texts(SlaTestApp app) => app.Services.GetRequiredService<SlaBreachTexts>();

    private static List<GraphRequest> SupervisorTexts(SlaTestApp app)
        => app.Graph.Requests.Where(r => r.To == DemoData.SupervisorWhatsApp && r.Body.Contains("sla_breach_alert", StringComparison.Ordinal)).ToList();

    private static async Task<int> BreachTextRowsAsync(SlaTestApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.Outbox.CountAsync(o => o.PayloadJson.Contains("sla_breach_alert"));
    }

    private static async Task RegisterAdminNumberAsync(SlaTestApp app)
    {
        await using var db = app.CreateDbContext();
        var adminId = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
        var result = await app.Services.GetRequiredService<UserAdministration>().SetCommandNumberAsync(adminId, "+" + AdminNumber, adminId);
        Assert.True(result.Succeeded, result.Message);
    }
}
