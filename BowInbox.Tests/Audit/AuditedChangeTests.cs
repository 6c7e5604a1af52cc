using System.Security.Claims;
using BowInbox.Core.Providers;
using BowInbox.Core.Scanning;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Offenders;
using BowInbox.Web.Relay;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Audit;

/// <summary>
/// Changes whose audit entry used to be written after they committed: with the audit store refusing appends, the
/// change is rolled back with it; once appends work again, the change and its one entry commit together.
/// </summary>
public sealed class AuditedChangeTests
{
    private const string Password = "Strong-pass-123";

    [Fact]
    public async Task User_creation_role_change_and_deactivation_roll_back_when_their_audit_entry_fails()
    {
        await using var app = new InboxAppFactory();
        var admin = app.Services.GetRequiredService<UserAdministration>();
        var access = app.Services.GetRequiredService<UserAccess>();
        Assert.True((await admin.CreateAsync(new NewUser("kept@demo.local", "Kept User", Password, Roles.IntakeAgent, null), "admin@demo.local")).Succeeded);
        var kept = await UserAsync(app, "kept@demo.local");

        await AuditOutage.DownAsync(app);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => admin.CreateAsync(new NewUser("unaudited@demo.local", "Not Audited", Password, Roles.Technician, "+1 555 010 0077"), "admin@demo.local"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => admin.SetRoleAsync(kept!.Id, Roles.Supervisor, "admin-id"));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => access.DeactivateAsync(kept!.Id, "admin-id"));

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "unaudited@demo.local"));
            Assert.False(await db.Providers.AnyAsync(p => p.DisplayName == "Not Audited"));
        }

        Assert.Equal([Roles.IntakeAgent], await RolesAsync(app, kept!.Id));
        Assert.False(UserStanding.IsDeactivated((await UserAsync(app, "kept@demo.local"))!));
        Assert.Equal(kept.SecurityStamp, (await UserAsync(app, "kept@demo.local"))!.SecurityStamp);

        await AuditOutage.UpAsync(app);
        Assert.True((await admin.SetRoleAsync(kept.Id, Roles.Supervisor, "admin-id")).Succeeded);
        Assert.True((await access.DeactivateAsync(kept.Id, "admin-id")).Succeeded);
        Assert.Equal([Roles.Supervisor], await RolesAsync(app, kept.Id));
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.UserCreated));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.RoleChanged && e.Target == "kept@demo.local"));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.UserDeactivated && e.Target == "kept@demo.local"));
    }

    [Fact]
    public async Task Pause_thresholds_and_content_policy_are_not_saved_without_their_audit_entry()
    {
        await using var app = new InboxAppFactory();
        var settings = app.Services.GetRequiredService<RelaySettings>();
        var lifting = app.Services.GetRequiredService<PauseLifting>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin@demo.local"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var before = await settings.PauseThresholdsAsync();
        var stricter = before.ByKind.ToDictionary(t => t.Key, t => new PauseThreshold(1, 24));

        await AuditOutage.DownAsync(app);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => lifting.SaveThresholdsAsync(admin, stricter));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => settings.SaveContentPolicyAsync(new Dictionary<ViolationKind, PolicyAction> { [ViolationKind.Email] = PolicyAction.Flag }, ["bowinbox.example"], "admin@demo.local"));

        Assert.Equal(before.ByKind, (await settings.PauseThresholdsAsync()).ByKind);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Settings.AnyAsync(s => s.Key == RelaySettings.ContentPolicyKey && s.Json.Contains("bowinbox.example")));
        }

        await AuditOutage.UpAsync(app);
        Assert.Null(await lifting.SaveThresholdsAsync(admin, stricter));
        Assert.All((await settings.PauseThresholdsAsync()).ByKind.Values, t => Assert.Equal(new PauseThreshold(1, 24), t));
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.PauseThresholdsChanged));
    }

    [Fact]
    public async Task An_automatic_pause_commits_only_with_its_audit_entry()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Hello");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "text me at 555 010 0001");
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "or email tom.plumbing@example.com");
        await using var db = app.CreateDbContext();
        var tom = await db.Providers.AsNoTracking().SingleAsync(p => p.DisplayName == TomName);
        Assert.NotEqual(ProviderAvailability.Paused, tom.Availability);

        // The leak that reaches the threshold arrives while the audit store refuses appends: its processing fails whole.
        await AuditOutage.DownAsync(app);
        var wamid = "wamid.PAUSE" + Guid.NewGuid().ToString("N");
        Assert.True((await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Tom, "find me on instagram @tomfixes", wamid, session.PoolPhoneNumberId, TomName))).IsSuccessStatusCode);
        await Eventually.TrueAsync(() => db.InboundEvents.AnyAsync(e => e.LastError != null), "the event's processing to fail");
        Assert.NotEqual(ProviderAvailability.Paused, (await db.Providers.AsNoTracking().SingleAsync(p => p.Id == tom.Id)).Availability);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ProviderPaused));

        // The retry, with appends working again, pauses and audits once.
        await AuditOutage.UpAsync(app);
        await Eventually.TrueAsync(async () => (await db.Providers.AsNoTracking().SingleAsync(p => p.Id == tom.Id)).Availability == ProviderAvailability.Paused, "the retried event to pause the provider", 20_000);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ProviderPaused && e.Target == $"provider:{tom.Id}"));
        Assert.True((await app.Services.GetRequiredService<AuditQueries>().VerifyAsync()).Intact);
    }

    private static async Task<ApplicationUser?> UserAsync(InboxAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email);
    }

    private static async Task<IList<string>> RolesAsync(InboxAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }
}
