using System.Net;
using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Insurance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Insurance;

/// <summary>/admin/insurers: Admins only; a bad pattern gets a clear error and changes nothing; staff edit a ticket's insurer.</summary>
public sealed class InsurerAdministrationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private InsurerAdministration Admin => shared.App.Services.GetRequiredService<InsurerAdministration>();

    [Fact]
    public async Task Only_admins_reach_the_insurers_page()
    {
        var supervisor = await (await Login.AsAsync(shared.App, "supervisor@demo.local")).GetAsync("/admin/insurers", TestContext.Current.CancellationToken);
        var desk = await (await Login.AsAsync(shared.App, "desk@demo.local")).GetAsync("/admin/insurers", TestContext.Current.CancellationToken);
        var admin = await (await Login.AsAsync(shared.App, "admin@demo.local")).GetAsync("/admin/insurers", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("Acme Insurance", await admin.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_policy_pattern_is_refused_with_a_clear_error_and_nothing_is_saved()
    {
        var desk = await DeskGroupAsync();
        var before = await CountAsync();

        var error = await Admin.SaveAsync("ada", new InsurerDraft(0, "Zeta Mutual", "Zeta", "ZM-(\\d{6}", desk, null), TestContext.Current.CancellationToken);

        Assert.Contains("not a valid regular expression", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Contains("desk group", await Admin.SaveAsync("ada", new InsurerDraft(0, "Zeta Mutual", "", "", null, null), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_saved_insurer_is_read_by_the_scanner_policy_at_once()
    {
        var desk = await DeskGroupAsync();
        Assert.Null(await Admin.SaveAsync("ada", new InsurerDraft(0, "Orbit Assurance", "Orbit", "OR-\\d{3} \\d{3} \\d{4}", desk, null), TestContext.Current.CancellationToken));

        var policy = await shared.App.Services.GetRequiredService<InsurerCatalog>().WithPolicyPatternsAsync(Core.Scanning.ContentPolicy.Default, TestContext.Current.CancellationToken);
        var scan = new Core.Scanning.ContactScanner().Scan("policy OR-555 010 0199", policy);

        Assert.DoesNotContain(scan.Findings, f => f.Kind == Core.Scanning.ViolationKind.Phone);
    }

    [Fact]
    public async Task Technicians_cannot_change_a_tickets_insurer_and_staff_can()
    {
        var ticketId = await Channel.ChannelTestData.CustomerWroteAsync(shared.App, "my boiler is broken", from: "15550199931");
        var details = shared.App.Services.GetRequiredService<InsuranceDetails>();
        await using var db = shared.App.CreateDbContext();
        var acme = await db.Insurers.SingleAsync(i => i.Name == "Acme Insurance", TestContext.Current.CancellationToken);

        var technician = Principal(Roles.Technician);
        Assert.False((await details.SaveAsync(technician, ticketId, acme.Id, "POL-11112222", TestContext.Current.CancellationToken)).Succeeded);
        Assert.Null((await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId, TestContext.Current.CancellationToken)).InsurerId);
        Assert.False((await details.SaveAsync(Principal(Roles.IntakeAgent), ticketId, acme.Id, "+1 555 010 0199", TestContext.Current.CancellationToken)).Succeeded);

        Assert.True((await details.SaveAsync(Principal(Roles.IntakeAgent), ticketId, acme.Id, "POL-11112222", TestContext.Current.CancellationToken)).Succeeded);
        var shown = await details.ForAsync(Principal(Roles.Supervisor), ticketId, TestContext.Current.CancellationToken);
        Assert.Equal((acme.Id, "POL-11112222"), (shown!.InsurerId, shown.Policy));
    }

    private static ClaimsPrincipal Principal(string role)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role.ToLowerInvariant()), new Claim(ClaimTypes.NameIdentifier, "user-" + role), new Claim(ClaimTypes.Role, role)], "test"));

    private async Task<int> DeskGroupAsync()
    {
        await using var db = shared.App.CreateDbContext();
        return await db.ProviderGroups.Where(g => g.Name == "Plumbers - Downtown").Select(g => g.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> CountAsync()
    {
        await using var db = shared.App.CreateDbContext();
        return await db.Insurers.CountAsync(TestContext.Current.CancellationToken);
    }
}
