using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Live;

/// <summary>
/// The one hub for live inbox updates. Clients only listen and choose which ticket they are looking at;
/// what reaches them is decided by the groups joined here and by <see cref="InboxBroadcaster"/>.
/// </summary>
[Authorize]
public sealed class InboxHub(
    TicketAccess access, IDbContextFactory<InboxDbContext> contexts, InboxHubPresence presence, IOptions<IdentityOptions> identity, InboxMetrics metrics, ILogger<InboxHub> logger) : Hub
{
    private const string Counted = "bowinbox.counted";

    public const string Path = "/hubs/inbox";

    public override async Task OnConnectedAsync()
    {
        // Counted first: a push that races the group joins below at worst reads for a client not yet listening. Known by
        // user before the check below, so an access change either finds this connection to end or is seen by the check.
        var userId = TicketAccess.UserId(CurrentUser) ?? throw new HubException("Sign in again.");
        presence.Connected(Context.ConnectionId, userId, Context.Abort);
        Context.Items[Counted] = true;
        metrics.HubConnected();
        if (!await StillValidAsync(userId, Context.ConnectionAborted))
        {
            // The cookie may be up to a validation interval old: its roles are trusted only while its stamp is current.
            logger.LogInformation("A live connection was refused: the user was deactivated or their access changed since they signed in");
            presence.Disconnected(Context.ConnectionId);
            Context.Abort();
            return;
        }

        foreach (var group in await GroupsOfAsync(CurrentUser, Context.ConnectionAborted))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.ConnectionId);
        if (Context.Items.Remove(Counted))
        {
            metrics.HubDisconnected();
        }

        return base.OnDisconnectedAsync(exception);
    }

    public async Task JoinTicket(int ticketId)
    {
        if (!await access.CanSeeAsync(CurrentUser, ticketId, Context.ConnectionAborted))
        {
            throw new HubException("You may not see this ticket.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Ticket(ticketId), Context.ConnectionAborted);
    }

    public Task LeaveTicket(int ticketId)
        => Groups.RemoveFromGroupAsync(Context.ConnectionId, InboxGroups.Ticket(ticketId), Context.ConnectionAborted);

    /// <summary>The user still exists, is not deactivated, and their security stamp is the one the cookie was issued with.</summary>
    private async Task<bool> StillValidAsync(string userId, CancellationToken cancellationToken)
    {
        var stamp = CurrentUser.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, Deactivated = u.LockoutEnd == UserStanding.DeactivatedUntil })
            .FirstOrDefaultAsync(cancellationToken);
        return current is { Deactivated: false } && stamp is not null && current.SecurityStamp == stamp;
    }

    private ClaimsPrincipal CurrentUser => Context.User ?? throw new HubException("Sign in again.");

    private async Task<List<string>> GroupsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = TicketAccess.UserId(user) ?? throw new HubException("Sign in again.");
        var groups = new List<string> { InboxGroups.User(userId) };
        groups.AddRange(Roles.All.Where(user.IsInRole).Select(InboxGroups.Role));

        if (user.IsInRole(Roles.Technician))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var providerGroupIds = await db.ProviderGroupMembers.AsNoTracking()
                .Where(m => m.Provider!.UserId == userId)
                .Select(m => m.GroupId)
                .ToListAsync(cancellationToken);
            groups.AddRange(providerGroupIds.Select(InboxGroups.ProviderGroup));
        }

        return groups;
    }
}
