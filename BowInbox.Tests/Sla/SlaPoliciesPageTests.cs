using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Sla;
using BowInbox.Web.Sla;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BowInbox.Tests.Sla;

/// <summary>/admin/sla rendered with the real services of a running app.</summary>
public sealed class SlaPoliciesPageTests : AppComponentTest
{
    public SlaPoliciesPageTests()
    {
        UseAppService<SlaPolicyAdministration>();
        UseAppService<SlaBreachTexts>();
        SignInAs("admin@demo.local", Roles.Admin);
    }

    [Fact]
    public async Task Admin_turns_on_breach_texts_and_sees_who_gets_them()
    {
        Render<MudSnackbarProvider>();
        var page = Render<SlaPoliciesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=sla-breach-texts]")));
        var panel = page.Find("[data-testid=sla-breach-texts]");
        Assert.Contains("1 supervisor(s) with a registered command number", panel.TextContent, StringComparison.Ordinal);
        Assert.False(page.Find("[data-testid=sla-breach-texts] input[type=checkbox]").HasAttribute("checked"));

        await page.Find("[data-testid=sla-breach-texts] input[type=checkbox]").ChangeAsync(new() { Value = true });

        await Eventually.TrueAsync(async () => (await App.Services.GetRequiredService<SlaBreachTexts>().StatusAsync()).Enabled, "the setting to be saved");
        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=sla-breach-texts] input[type=checkbox]").HasAttribute("checked")));
        Assert.DoesNotContain(BowInbox.Web.Seed.DemoData.SupervisorWhatsApp, page.Markup, StringComparison.Ordinal);
    }
}
