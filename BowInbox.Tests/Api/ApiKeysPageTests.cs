using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Api;
using BowInbox.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Api;

/// <summary>The admin page creating a key, with the real services of a running app.</summary>
public sealed class ApiKeysPageTests : AppComponentTest
{
    public ApiKeysPageTests()
    {
        UseAppService<ApiKeyAdministration>();
        SignInAs("admin@demo.local", Roles.Admin);
    }

    [Fact]
    public async Task Admin_creates_a_key_sees_it_once_and_only_its_hash_is_stored()
    {
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No API keys yet.", page.Markup, StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=api-key-create]").HasAttribute("disabled"));

        page.Find("[data-testid=api-key-name] input, input[data-testid=api-key-name]").Input("Booking system");
        await page.Find("[data-testid=api-key-create]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("bwi_", page.Find("[data-testid=api-key-created]").TextContent, StringComparison.Ordinal));
        var shown = page.Find("[data-testid=api-key-created] code").TextContent.Trim();
        Assert.Contains("Booking system", page.Find("[data-testid=api-keys]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(shown, page.Find("[data-testid=api-keys]").TextContent, StringComparison.Ordinal);
        await using var db = App.CreateDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal("Booking system", stored.Name);
        Assert.DoesNotContain(stored.SecretHash, shown, StringComparison.Ordinal);
        Assert.Equal("read", stored.Scopes);
    }
}
