using BowInbox.Core.Providers;
using BowInbox.Data;
using BowInbox.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Identity;

/// <summary>
/// Whether a user may still work. A deactivated user is locked out for good with Identity's own lockout (it ends at
/// <see cref="DeactivatedUntil"/>, so sign-in is refused and no column is added); a temporary lockout after wrong
/// passwords is not a deactivation. A provider takes work and relays only while the user it signs in as is an active
/// Technician: routing and the relay ask this of that user, not only of the provider row or its WhatsApp number.
/// </summary>
public static class UserStanding
{
    /// <summary>The lockout end that marks a deactivated user (reactivation clears it).</summary>
    public static readonly DateTimeOffset DeactivatedUntil = DateTimeOffset.MaxValue;

    /// <summary>The Technician role as Identity stores it normalised (indexed), for queries.</summary>
    public static readonly string TechnicianRole = Roles.Technician.ToUpperInvariant();

    public static bool IsDeactivated(ApplicationUser user) => user.LockoutEnd == DeactivatedUntil;

    /// <summary>
    /// Providers whose user is an active Technician. The relay's compiled queries repeat this predicate inline
    /// (a compiled query cannot call a method); keep them alike.
    /// </summary>
    public static IQueryable<Provider> ActiveProviders(this InboxDbContext db)
        => db.Providers.Where(p => db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != DeactivatedUntil
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == TechnicianRole))));

    public static Task<bool> IsActiveProviderAsync(this InboxDbContext db, int providerId, CancellationToken cancellationToken)
        => db.ActiveProviders().AnyAsync(p => p.Id == providerId, cancellationToken);

    /// <summary>What a person is told when a provider may no longer take work.</summary>
    public static string InactiveProvider(string displayName)
        => $"{displayName} can no longer take work: their account is deactivated or they are no longer a technician.";
}
