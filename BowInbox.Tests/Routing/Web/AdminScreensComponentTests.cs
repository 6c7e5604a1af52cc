using System.Reflection;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Components.Pages.Admin;
using BowInbox.Web.Routing;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Routing.Web;

/// <summary>The admin screens as people use them: every area linked from the home, rules edited as chips with one Save.</summary>
public sealed class AdminScreensComponentTests : AppComponentTest
{
    public AdminScreensComponentTests()
    {
        UseAppService<RoutingRulesStore>();
        UseAppService<ProviderAdministration>();
        SignInAs("admin@demo.local", Roles.Admin);
    }

    [Fact]
    public void The_admin_home_links_every_admin_page()
    {
        var adminPages = typeof(AdminHome).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template.TrimStart('/'))
            .Where(p => p.StartsWith("admin/", StringComparison.Ordinal) && !p.Contains('{'))
            .ToList();

        var home = Render<AdminHome>();
        var links = home.FindAll("[data-testid=admin-area-link]").Select(a => a.GetAttribute("href")).ToList();

        Assert.NotEmpty(adminPages);
        Assert.All(adminPages, page => Assert.Contains(page, links));
        Assert.Contains("hangfire", links);
    }

    [Fact]
    public async Task Keywords_are_added_as_chips_the_form_shows_unsaved_changes_and_one_save_stores_them()
    {
        var form = Render<QualificationRulesForm>(p => p.Add(c => c.Actor, "admin@demo.local"));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=rules-service]")));
        var plumbing = () => form.Find("[data-testid=rule-chips][data-rule=plumbing]");
        Assert.Contains(plumbing().QuerySelectorAll("[data-testid=rule-word]"), c => c.TextContent.Contains("pipe", StringComparison.Ordinal));
        Assert.Empty(form.FindAll("[data-testid=rules-unsaved]"));
        Assert.True(form.Find("[data-testid=rules-save]").HasAttribute("disabled"));

        var service = form.FindAll("[data-testid=rules-service]").First(s => s.QuerySelector("[data-rule=plumbing]") is not null);
        service.QuerySelector("[data-testid=rule-add-input] input, input[data-testid=rule-add-input]")!.Input("radiator, Pipe");
        form.FindAll("[data-testid=rules-service]").First(s => s.QuerySelector("[data-rule=plumbing]") is not null).QuerySelector("[data-testid=rule-add]")!.Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=rules-unsaved]")));
        Assert.Single(plumbing().QuerySelectorAll("[data-testid=rule-word]"), c => c.TextContent.Contains("radiator", StringComparison.Ordinal));
        Assert.DoesNotContain("radiator", (await App.Services.GetRequiredService<RoutingRulesStore>().LoadAsync()).Services[0].Keywords);

        form.Find("[data-testid=rules-save]").Click();

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=rules-unsaved]")));
        var saved = await App.Services.GetRequiredService<RoutingRulesStore>().LoadAsync();
        Assert.Contains("radiator", saved.Services.Single(s => s.Name == "plumbing").Keywords);
        Assert.Single(saved.Services.Single(s => s.Name == "plumbing").Keywords, k => string.Equals(k, "pipe", StringComparison.OrdinalIgnoreCase));
        await using var db = App.CreateDbContext();
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.PolicyChanged && e.Target == RoutingRulesStore.Key).ToListAsync());
    }

    [Fact]
    public async Task Group_edits_show_unsaved_changes_and_one_save_stores_them_all_or_nothing()
    {
        await using (var setup = App.CreateDbContext())
        {
            setup.ProviderGroups.AddRange(
                new ProviderGroup { Name = "Form plumbers", ServiceType = "plumbing", Area = "form-north" },
                new ProviderGroup { Name = "Form locksmiths", ServiceType = "locksmith", Area = "form-north" });
            await setup.SaveChangesAsync();
        }

        var form = Render<ProviderGroupsForm>(p => p.Add(c => c.Actor, "admin@demo.local"));
        form.WaitForAssertion(() => Assert.True(form.FindAll("[data-testid=group-expiry] input, input[data-testid=group-expiry]").Count >= 2));
        Assert.Empty(form.FindAll("[data-testid=groups-unsaved]"));
        Assert.True(form.Find("[data-testid=groups-save]").HasAttribute("disabled"));
        var expiry = (int i) => form.FindAll("[data-testid=group-expiry] input, input[data-testid=group-expiry]")[i];
        var rows = form.FindAll("[data-testid=group-table] tbody tr").Select(r => r.TextContent).ToList();
        var plumbers = rows.FindIndex(r => r.Contains("Form plumbers", StringComparison.Ordinal));
        var locksmiths = rows.FindIndex(r => r.Contains("Form locksmiths", StringComparison.Ordinal));

        var ids = await GroupIdsAsync();
        var refused = await App.Services.GetRequiredService<ProviderAdministration>().UpdateGroupsAsync("admin@demo.local",
            [new GroupSettings(ids["Form plumbers"], SelectionStrategy.RoundRobin, 0, 2), new GroupSettings(ids["Form locksmiths"], SelectionStrategy.RoundRobin, 12, 2)]);
        Assert.Contains("Offer expiry must be", refused, StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            Assert.NotEqual(12, (await db.ProviderGroups.SingleAsync(g => g.Name == "Form locksmiths")).OfferExpiryMinutes);
        }

        expiry(locksmiths).Change("12");
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=groups-unsaved]")));
        Assert.False(form.Find("[data-testid=groups-save]").HasAttribute("disabled"));
        expiry(plumbers).Change("7");
        form.Find("[data-testid=groups-save]").Click();

        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=groups-unsaved]")));
        await using var check = App.CreateDbContext();
        var saved = await check.ProviderGroups.Where(g => g.Area == "form-north").ToDictionaryAsync(g => g.Name, g => g.OfferExpiryMinutes);
        Assert.Equal(7, saved["Form plumbers"]);
        Assert.Equal(12, saved["Form locksmiths"]);
        Assert.Single(await check.AuditEntries.Where(e => e.Action == AuditActions.PolicyChanged && e.Target.Contains("group:")).ToListAsync());
    }

    [Fact]
    public async Task Provider_edits_show_unsaved_changes_and_one_save_stores_them_all_or_nothing()
    {
        Dictionary<string, (int Id, int Capacity)> before;
        await using (var db = App.CreateDbContext())
        {
            before = await db.Providers.Where(p => p.DisplayName == "Eli Watts" || p.DisplayName == "Uma Reed")
                .ToDictionaryAsync(p => p.DisplayName, p => (p.Id, p.Capacity));
        }

        var admin = App.Services.GetRequiredService<ProviderAdministration>();
        var refused = await admin.UpdateProvidersAsync("admin@demo.local",
            [new ProviderSettingsChange(before["Eli Watts"].Id, 9, ProviderAvailability.Online, []), new ProviderSettingsChange(before["Uma Reed"].Id, 99, ProviderAvailability.Online, [])]);
        Assert.Contains("Capacity must be between", refused, StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            Assert.Equal(before["Eli Watts"].Capacity, (await db.Providers.SingleAsync(p => p.Id == before["Eli Watts"].Id)).Capacity);
        }

        var page = Render<ProviderSettings>();
        var capacity = (string name) => page.FindAll("[data-testid=provider-table] tbody tr")
            .Single(r => r.TextContent.Contains(name, StringComparison.Ordinal))
            .QuerySelector("[data-testid=provider-capacity] input, input[data-testid=provider-capacity]")!;
        page.WaitForAssertion(() => Assert.NotNull(capacity("Uma Reed")));
        Assert.Empty(page.FindAll("[data-testid=providers-unsaved]"));
        Assert.True(page.Find("[data-testid=providers-save]").HasAttribute("disabled"));

        capacity("Eli Watts").Change((before["Eli Watts"].Capacity + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=providers-unsaved]")));
        capacity("Uma Reed").Change((before["Uma Reed"].Capacity + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Find("[data-testid=providers-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=providers-unsaved]")));
        await using var check = App.CreateDbContext();
        var saved = await check.Providers.Where(p => p.DisplayName == "Eli Watts" || p.DisplayName == "Uma Reed").ToDictionaryAsync(p => p.DisplayName, p => p.Capacity);
        Assert.Equal(before["Eli Watts"].Capacity + 1, saved["Eli Watts"]);
        Assert.Equal(before["Uma Reed"].Capacity + 2, saved["Uma Reed"]);
        var targets = new[] { $"provider:{before["Eli Watts"].Id}", $"provider:{before["Uma Reed"].Id}" };
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => targets.Contains(e.Target)));
    }

    private async Task<Dictionary<string, int>> GroupIdsAsync()
    {
        await using var db = App.CreateDbContext();
        return await db.ProviderGroups.Where(g => g.Area == "form-north").ToDictionaryAsync(g => g.Name, g => g.Id);
    }

    [Fact]
    public async Task A_service_without_keywords_or_bad_json_is_refused_with_a_reason_and_nothing_is_stored()
    {
        var form = Render<QualificationRulesForm>(p => p.Add(c => c.Actor, "admin@demo.local"));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=rules-service]")));

        form.Find("[data-testid=new-service-name] input, input[data-testid=new-service-name]").Input("roofing");
        form.Find("[data-testid=new-service-add]").Click();
        form.Find("[data-testid=rules-save]").Click();

        form.WaitForAssertion(() => Assert.Contains("'roofing' needs at least one keyword", form.Find("[data-testid=rules-error]").TextContent, StringComparison.Ordinal));

        if (form.FindAll("textarea").Count == 0)
        {
            form.Find(".mud-expand-panel-header").Click();
        }

        form.Find("[data-testid=rules-json] textarea, textarea[data-testid=rules-json]").Change("{ not json");
        form.Find("[data-testid=rules-import]").Click();

        form.WaitForAssertion(() => Assert.Contains("not valid JSON", form.Find("[data-testid=rules-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(QualificationRules.Default.Services.Count, (await App.Services.GetRequiredService<RoutingRulesStore>().LoadAsync()).Services.Count);
        await using var db = App.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PolicyChanged && e.Target == RoutingRulesStore.Key));
    }

    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(90, "1 h 30 min")]
    [InlineData(1440, "1 day")]
    [InlineData(2880, "2 days")]
    [InlineData(1680, "1 day 4 h")]
    public void Sla_targets_read_in_hours_and_days(int minutes, string expected)
        => Assert.Equal(expected, BowInbox.Web.Sla.SlaLabels.Duration(TimeSpan.FromMinutes(minutes)));
}
