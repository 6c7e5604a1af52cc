using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Components.Pages.Admin;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BowInbox.Tests.Foundation;

/// <summary>The Users page deactivating and reactivating a user, confirmed in a dialog, with the real services of a running app.</summary>
public sealed class UsersPageTests : AppComponentTest
{
    public UsersPageTests()
    {
        UseAppService<UserAdministration>();
        UseAppService<UserAccess>();
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@demo.local");
        auth.SetRoles(Roles.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-under-test"));
    }

    [Fact]
    public async Task Admin_deactivates_a_technician_after_confirming_and_reactivates_them()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr")));

        var deactivating = Row(page, "tech1@demo.local").QuerySelector("[data-testid=deactivate-user]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Deactivate tech1@demo.local?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Deactivate").ClickAsync(new());
        await deactivating;

        page.WaitForAssertion(() => Assert.NotNull(Row(page, "tech1@demo.local").QuerySelector("[data-testid=deactivated]")));
        Assert.Contains(Snackbars(), s => s.StartsWith("tech1@demo.local is deactivated", StringComparison.Ordinal));
        Assert.NotNull(await LockoutEndAsync("tech1@demo.local"));

        var reactivating = Row(page, "tech1@demo.local").QuerySelector("[data-testid=reactivate-user]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Let tech1@demo.local sign in again?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reactivate").ClickAsync(new());
        await reactivating;

        page.WaitForAssertion(() => Assert.Null(Row(page, "tech1@demo.local").QuerySelector("[data-testid=deactivated]")));
        Assert.Null(await LockoutEndAsync("tech1@demo.local"));
    }

    [Fact]
    public async Task Cancelling_the_dialog_changes_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr")));

        var deactivating = Row(page, "intake@demo.local").QuerySelector("[data-testid=deactivate-user]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Deactivate intake@demo.local?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await deactivating;

        Assert.Null(await LockoutEndAsync("intake@demo.local"));
        Assert.Empty(Snackbars());
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Users> page, string email)
        => page.FindAll("tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));

    private IEnumerable<string> Snackbars() => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    private async Task<DateTimeOffset?> LockoutEndAsync(string email)
    {
        await using var db = App.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync();
    }
}
