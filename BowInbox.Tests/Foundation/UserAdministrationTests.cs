using BowInbox.Core.Numbers;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

public sealed class UserAdministrationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private UserAdministration Admin => shared.App.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task Admin_creates_a_technician_with_an_encrypted_whatsapp_number()
    {
        var result = await Admin.CreateAsync(new NewUser("newtech@demo.local", "Nia Stone", "Strong-pass-123", Roles.Technician, "+1 555 010 0099"));

        Assert.True(result.Succeeded, result.Message);
        await using var db = shared.App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == "newtech@demo.local");
        var provider = await db.Providers.SingleAsync(p => p.UserId == user.Id);
        var numbers = shared.App.Services.GetRequiredService<INumberProtector>();
        Assert.Equal("15550100099", numbers.Unprotect(provider.WaIdProtected!));
        Assert.Equal(numbers.Hash("15550100099"), provider.WaIdHash);

        await using var scope = shared.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([Roles.Technician], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Technician_with_an_invalid_number_is_refused_and_nothing_is_created()
    {
        var result = await Admin.CreateAsync(new NewUser("badnumber@demo.local", "Bad Number", "Strong-pass-123", Roles.Technician, "12"));

        Assert.False(result.Succeeded);
        Assert.Contains("phone number", result.Message);
        await using var db = shared.App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "badnumber@demo.local"));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_identitys_reason()
    {
        var result = await Admin.CreateAsync(new NewUser("weak@demo.local", "Weak Pass", "short", Roles.IntakeAgent, null));

        Assert.False(result.Succeeded);
        Assert.Contains("at least 10 characters", result.Message);
    }

    [Fact]
    public async Task Role_change_replaces_the_old_role()
    {
        await Admin.CreateAsync(new NewUser("promote@demo.local", "Pro Mote", "Strong-pass-123", Roles.IntakeAgent, null));
        var row = (await Admin.ListAsync()).Single(u => u.Email == "promote@demo.local");

        var result = await Admin.SetRoleAsync(row.Id, Roles.Supervisor, actingUserId: "someone-else");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([Roles.Supervisor], (await Admin.ListAsync()).Single(u => u.Email == "promote@demo.local").Roles);
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        var admin = (await Admin.ListAsync()).Single(u => u.Email == "admin@demo.local");

        var result = await Admin.SetRoleAsync(admin.Id, Roles.IntakeAgent, actingUserId: admin.Id);

        Assert.False(result.Succeeded);
        Assert.Equal([Roles.Admin], (await Admin.ListAsync()).Single(u => u.Email == "admin@demo.local").Roles);
    }

    [Fact]
    public async Task Supervisor_command_number_is_stored_encrypted_and_only_for_supervisors_and_admins()
    {
        var rows = await Admin.ListAsync();
        var supervisor = rows.Single(u => u.Email == "supervisor@demo.local");
        var intake = rows.Single(u => u.Email == "intake@demo.local");

        var set = await Admin.SetCommandNumberAsync(supervisor.Id, "+1 555 010 0077", "admin");
        var refused = await Admin.SetCommandNumberAsync(intake.Id, "+1 555 010 0078", "admin");
        var invalid = await Admin.SetCommandNumberAsync(supervisor.Id, "12", "admin");

        Assert.True(set.Succeeded, set.Message);
        Assert.False(refused.Succeeded);
        Assert.False(invalid.Succeeded);
        await using var db = shared.App.CreateDbContext();
        var numbers = shared.App.Services.GetRequiredService<INumberProtector>();
        var stored = await db.Users.SingleAsync(u => u.Email == "supervisor@demo.local");
        Assert.Equal(numbers.Hash("15550100077"), stored.WhatsAppHash);
        Assert.DoesNotContain("15550100077", stored.WhatsAppProtected);
        Assert.Null((await db.Users.SingleAsync(u => u.Email == "intake@demo.local")).WhatsAppHash);
        Assert.True((await Admin.ListAsync()).Single(u => u.Email == "supervisor@demo.local").HasCommandNumber);
    }
}
