using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Live;

/// <summary>
/// The one hub for live inbox updates. Clients only listen and choose which ticket they are looking at;
/// what reaches them is decided by the groups joined here and by <see cref="InboxBroadcaster"/>.
/// </summary>
[Authorize]
public sealed class InboxHub(TicketAccess access, IDbContextFactory<InboxDbContext> contexts, InboxHubPresence presence) : Hub
{
    public const string Path = "/hubs/inbox";

    public override async Task OnConnectedAsync()
    {
        // Counted first: a push that races the group joins below at worst reads for a client not yet listening.
        presence.Connected(Context.ConnectionId);
        foreach (var group in await GroupsOfAsync(CurrentUser, Context.ConnectionAborted))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.ConnectionId);
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
