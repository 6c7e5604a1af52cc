using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using BowInbox.Data;
using Microsoft.AspNetCore.Identity;

namespace BowInbox.Web.Admin;

/// <summary>
/// Admins deactivating a leaver and reactivating a returner. Deactivation is Identity's lockout until
/// <see cref="UserStanding.DeactivatedUntil"/> (sign-in refused), a new security stamp (cookies and open pages refused at
/// their next check), the user's live connections ended at once, and their provider record taken out of work.
/// </summary>
public sealed class UserAccess(IServiceScopeFactory scopeFactory, AuditLog audit, ProviderRetirement retirement, HubAccessChanges hubAccess)
{
    public async Task<AdminResult> DeactivateAsync(string userId, string actingUserId, CancellationToken cancellationToken = default)
    {
        if (userId == actingUserId)
        {
            return AdminResult.Fail("You cannot deactivate yourself.");
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("That user no longer exists.");
        }

        if (UserStanding.IsDeactivated(user))
        {
            return AdminResult.Fail($"{user.Email} is already deactivated.");
        }

        // Identity only honours a lockout while lockout is enabled for the user.
        var locked = await users.SetLockoutEnabledAsync(user, true);
        if (locked.Succeeded)
        {
            locked = await users.SetLockoutEndDateAsync(user, UserStanding.DeactivatedUntil);
        }

        if (!locked.Succeeded)
        {
            return AdminResult.Fail(string.Join(" ", locked.Errors.Select(e => e.Description)));
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.SaveWithAsync(db, new AuditRecord(actingUserId, AuditActions.UserDeactivated, user.Email ?? user.Id, "sign-in refused, sessions and live connections ended"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await hubAccess.EndConnectionsAsync(user.Id);
        var retired = await retirement.RetireAsync(user.Id, actingUserId, "account deactivated", cancellationToken);
        var work = retired is null ? "" : $" Their provider record is paused; {retired.RequeuedTicketIds.Count} ticket(s) went back to the queue.";
        return AdminResult.Ok($"{user.Email} is deactivated and signed out everywhere.{work}");
    }

    /// <summary>Lets the user sign in again. A provider record stays paused until an Admin resumes it on the Providers page.</summary>
    public async Task<AdminResult> ReactivateAsync(string userId, string actingUserId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("That user no longer exists.");
        }

        if (!UserStanding.IsDeactivated(user))
        {
            return AdminResult.Fail($"{user.Email} is not deactivated.");
        }

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (!unlocked.Succeeded)
        {
            return AdminResult.Fail(string.Join(" ", unlocked.Errors.Select(e => e.Description)));
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.SaveWithAsync(db, new AuditRecord(actingUserId, AuditActions.UserReactivated, user.Email ?? user.Id, "sign-in allowed again"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var provider = await users.IsInRoleAsync(user, Roles.Technician) ? " Their provider record stays paused until you resume it under Admin → Providers." : "";
        return AdminResult.Ok($"{user.Email} can sign in again.{provider}");
    }
}
