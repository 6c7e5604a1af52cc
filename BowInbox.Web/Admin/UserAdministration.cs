using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Live;
using BowInbox.Web.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Admin;

/// <param name="Deactivated">Locked out for good by an Admin (<see cref="UserAccess"/>).</param>
public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsProvider, bool HasCommandNumber = false, bool Deactivated = false);

public sealed record NewUser(string Email, string DisplayName, string Password, string Role, string? WhatsAppNumber);

public sealed record AdminResult(bool Succeeded, string Message)
{
    public static AdminResult Ok(string message) => new(true, message);

    public static AdminResult Fail(string message) => new(false, message);
}

/// <summary>Creates users and sets roles for the Admin page. Each call runs in its own scope so a long-lived circuit never holds a stale context.</summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopeFactory, AuditLog audit, ProviderRetirement retirement, HubAccessChanges hubAccess)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var providers = await db.Providers.Select(p => p.UserId).ToListAsync(cancellationToken);
        return users.Select(u => new UserRow(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            providers.Contains(u.Id),
            u.WhatsAppHash != null,
            UserStanding.IsDeactivated(u))).ToList();
    }

    public async Task<AdminResult> CreateAsync(NewUser request, string? actingUser = null, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(request.Role))
        {
            return AdminResult.Fail($"Unknown role '{request.Role}'.");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            return AdminResult.Fail("Enter the person's name.");
        }

        var waId = "";
        if (request.Role == Roles.Technician && !WhatsAppAddresses.TryRead(request.WhatsAppNumber, out waId, out var phoneError))
        {
            return AdminResult.Fail(phoneError);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<INumberProtector>();

        if (request.Role == Roles.Technician && await db.Providers.AnyAsync(p => p.WaIdHash == numbers.Hash(waId) || p.UserIdHash == numbers.Hash(waId), cancellationToken))
        {
            return AdminResult.Fail("Another technician already uses that WhatsApp number.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return AdminResult.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, request.Role);
        if (request.Role == Roles.Technician)
        {
            db.Providers.Add(new Provider
            {
                UserId = user.Id,
                DisplayName = user.DisplayName,
                WaIdHash = numbers.Hash(waId),
                WaIdProtected = numbers.Protect(waId),
            });
        }

        // The user, their role and provider record commit with their audit entry, or none of them does.
        await audit.SaveWithAsync(db, new AuditRecord(actingUser ?? "admin", AuditActions.UserCreated, user.Email!, $"role {request.Role}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Ok($"Created {user.Email} as {request.Role}.");
    }

    /// <summary>
    /// Registers (or clears, with an empty number) the WhatsApp number a Supervisor or Admin sends commands such as
    /// <c>/audit_session</c> from. Stored encrypted and hashed; never shown again.
    /// </summary>
    public async Task<AdminResult> SetCommandNumberAsync(string userId, string? number, string actingUserId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var protector = scope.ServiceProvider.GetRequiredService<INumberProtector>();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("That user no longer exists.");
        }

        if (!await users.IsInRoleAsync(user, Roles.Supervisor) && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return AdminResult.Fail("Only Supervisors and Admins send commands from WhatsApp.");
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            user.WhatsAppHash = null;
            user.WhatsAppProtected = null;
        }
        else
        {
            if (!WhatsAppAddresses.TryRead(number, out var waId, out var error))
            {
                return AdminResult.Fail(error);
            }

            user.WhatsAppHash = protector.Hash(waId);
            user.WhatsAppProtected = protector.Protect(waId);
        }

        await users.UpdateAsync(user);
        await audit.SaveWithAsync(
            db, new AuditRecord(actingUserId, AuditActions.CommandNumberChanged, user.Email ?? user.Id, user.WhatsAppHash is null ? "command number cleared" : "command number registered"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Ok(user.WhatsAppHash is null ? $"{user.Email} no longer has a command number." : $"{user.Email} can now send commands from WhatsApp.");
    }

    /// <summary>Gives the user exactly one role. Admins cannot remove their own Admin role, so the last door never locks from inside.</summary>
    public async Task<AdminResult> SetRoleAsync(string userId, string role, string actingUserId, CancellationToken cancellationToken = default)
    {
        if (!Roles.All.Contains(role))
        {
            return AdminResult.Fail($"Unknown role '{role}'.");
        }

        if (userId == actingUserId && role != Roles.Admin)
        {
            return AdminResult.Fail("You cannot take the Admin role away from yourself.");
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

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => r != role));
        if (!current.Contains(role))
        {
            await users.AddToRoleAsync(user, role);
        }

        if (role == Roles.Technician)
        {
            // A technician needs a provider record to receive work; their WhatsApp number can be added later.
            if (!await db.Providers.AnyAsync(p => p.UserId == user.Id, cancellationToken))
            {
                db.Providers.Add(new Provider { UserId = user.Id, DisplayName = user.DisplayName });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        // Signs the user out of other sessions so the new role takes effect at once: cookies and open pages are refused at
        // their next check, live connections (which joined the old role's groups) end now.
        await users.UpdateSecurityStampAsync(user);
        await audit.SaveWithAsync(db, new AuditRecord(actingUserId, AuditActions.RoleChanged, user.Email ?? user.Id, $"{string.Join(",", current)} → {role}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await hubAccess.EndConnectionsAsync(user.Id);
        if (current.Contains(Roles.Technician) && role != Roles.Technician)
        {
            // Their provider record would otherwise keep getting offers and relayed messages.
            await retirement.RetireAsync(user.Id, actingUserId, $"no longer a technician (now {role})", cancellationToken);
        }

        return AdminResult.Ok($"{user.Email} is now {role}.");
    }
}
