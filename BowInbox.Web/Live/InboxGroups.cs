using BowInbox.Data.Identity;

namespace BowInbox.Web.Live;

/// <summary>The SignalR group names of the inbox hub, so the hub and every sender spell them the same way.</summary>
public static class InboxGroups
{
    /// <summary>
    /// The staff who see every ticket (<see cref="Inbox.TicketAccess.SeesAllTickets"/>). A user holds one role
    /// (UserAdministration.SetRoleAsync replaces it), so sending to these groups reaches each connection once.
    /// </summary>
    public static readonly IReadOnlyList<string> AllTicketsStaff =
        [Role(Roles.Admin), Role(Roles.Supervisor), Role(Roles.IntakeAgent)];

    public static string User(string userId) => $"user:{userId}";

    public static string Role(string role) => $"role:{role}";

    public static string ProviderGroup(int groupId) => $"provider-group:{groupId}";

    /// <summary>
    /// Connections viewing one ticket. Membership is checked once, at join, and would outlive a reassignment,
    /// so ticket updates are not sent here; anything sent here later must check access again.
    /// </summary>
    public static string Ticket(int ticketId) => $"ticket:{ticketId}";
}
