using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Web.Live;

namespace BowInbox.Web.Alerts;

/// <summary>Who receives alerts (SLA and operational): Supervisors and Admins, never technicians or intake.</summary>
public static class AlertAudience
{
    public static readonly IReadOnlyList<string> HubGroups = [InboxGroups.Role(Roles.Supervisor), InboxGroups.Role(Roles.Admin)];

    public static bool MaySee(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
}

public enum AlertChange
{
    Raised = 0,
    Acknowledged = 1,
}
