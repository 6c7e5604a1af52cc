using System.Security.Claims;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Inbox;

/// <summary>
/// The one place that decides who may see and act on a ticket. Admins and Supervisors: every ticket;
/// IntakeAgents: every customer conversation (the intake queue); Technicians: only tickets offered
/// or assigned to them. Pages, hub methods and APIs all ask here.
/// </summary>
public sealed class TicketAccess(IDbContextFactory<InboxDbContext> contexts)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The one rule for taking a ticket from its provider (reassigning, or assigning over someone): Supervisors and Admins.</summary>
    public static bool MayReassign(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public static bool SeesAllTickets(ClaimsPrincipal user)
        => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.IntakeAgent);

    /// <summary>Filters a ticket query down to what <paramref name="user"/> may see.</summary>
    public static IQueryable<Ticket> Visible(InboxDbContext db, ClaimsPrincipal user)
    {
        if (SeesAllTickets(user))
        {
            return db.Tickets;
        }

        if (user.IsInRole(Roles.Technician) && UserId(user) is { } userId)
        {
            return OfTechnician(db, userId);
        }

        return db.Tickets.Where(_ => false);
    }

    /// <summary>The tickets offered or assigned to the technician whose Identity user id is <paramref name="userId"/>.</summary>
    public static IQueryable<Ticket> OfTechnician(InboxDbContext db, string userId)
        => db.Tickets.Where(t => t.Provider != null && t.Provider.UserId == userId);

    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken);
    }

    /// <summary>The Identity user ids of the technician a ticket is offered or assigned to, if any.</summary>
    public async Task<string?> ProviderUserIdAsync(int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Provider != null ? t.Provider.UserId : null).FirstOrDefaultAsync(cancellationToken);
    }
}
