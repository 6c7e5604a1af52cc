using System.Net;
using BowInbox.Core.Providers;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Identity;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

public sealed class UserDeactivationTests
{
    private const string TomEmail = "tech1@demo.local";

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_their_cookie_is_refused_at_the_next_check()
    {
        await using var app = new RoutingApp();
        var client = await Login.AsAsync(app, TomEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/queue")).StatusCode);

        var result = await app.Get<UserAccess>().DeactivateAsync(await UserIdAsync(app, TomEmail), "admin-id");
        Assert.True(result.Succeeded, result.Message);

        // Past the revalidation interval (one minute; it used to be 30) the old cookie no longer opens anything.
        app.Clock.Advance(IdentitySetup.RevalidationInterval * 2);
        var after = await client.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.AbsolutePath(), StringComparison.Ordinal);

        var again = await Login.PostAsync(app.CreateBrowserlessClient(), TomEmail, Login.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("/Account/Lockout", again.Headers.Location!.AbsolutePath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reactivated_user_signs_in_again_and_their_provider_stays_paused_until_an_admin_resumes_it()
    {
        await using var app = new InboxAppFactory();
        var access = app.Services.GetRequiredService<UserAccess>();
        var providers = app.Services.GetRequiredService<ProviderAdministration>();
        var tomUser = await UserIdAsync(app, TomEmail);
        var tom = await ProviderIdAsync(app);
        Assert.True((await access.DeactivateAsync(tomUser, "admin-id")).Succeeded);
        Assert.False((await access.DeactivateAsync(tomUser, "admin-id")).Succeeded);
        Assert.True((await app.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.Id == tomUser).Deactivated);

        // While deactivated the provider cannot be put back to work from the Providers page either.
        var refused = await providers.UpdateProviderAsync("admin@demo.local", tom, 3, ProviderAvailability.Online, []);
        Assert.Contains("can no longer take work", refused, StringComparison.Ordinal);
        Assert.Equal(ProviderAvailability.Paused, await AvailabilityAsync(app, tom));

        var reactivated = await access.ReactivateAsync(tomUser, "admin-id");

        Assert.True(reactivated.Succeeded, reactivated.Message);
        Assert.Equal(HttpStatusCode.Redirect, (await Login.PostAsync(app.CreateBrowserlessClient(), TomEmail, Login.DemoPassword)).StatusCode);
        await Login.AsAsync(app, TomEmail);
        Assert.Equal(ProviderAvailability.Paused, await AvailabilityAsync(app, tom));
        Assert.Null(await providers.UpdateProviderAsync("admin@demo.local", tom, 3, ProviderAvailability.Online, []));
        Assert.Equal(ProviderAvailability.Online, await AvailabilityAsync(app, tom));
        Assert.False((await access.ReactivateAsync(tomUser, "admin-id")).Succeeded);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_and_nothing_changes()
    {
        await using var app = new InboxAppFactory();
        var adminId = await UserIdAsync(app, "admin@demo.local");

        var result = await app.Services.GetRequiredService<UserAccess>().DeactivateAsync(adminId, adminId);

        Assert.False(result.Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.Users.Where(u => u.Id == adminId).Select(u => u.LockoutEnd).SingleAsync());
        await Login.AsAsync(app, "admin@demo.local");
    }

    private static async Task<string> UserIdAsync(InboxAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> ProviderIdAsync(InboxAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.Id).SingleAsync();
    }

    private static async Task<ProviderAvailability> AvailabilityAsync(InboxAppFactory app, int providerId)
    {
        await using var db = app.CreateDbContext();
        return await db.Providers.Where(p => p.Id == providerId).Select(p => p.Availability).SingleAsync();
    }
}
