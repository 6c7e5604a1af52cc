using System.Security.Claims;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Audit;

/// <summary>Who may audit: Supervisors and Admins. Services check it themselves, not only the pages that call them.</summary>
public static class SupervisorAccess
{
    public static bool MayAudit(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin));

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
