using System.Security.Claims;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Identity;

/// <summary>Where <c>/</c> sends each role.</summary>
public static class RoleHome
{
    public static string For(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return "/admin";
        }

        if (user.IsInRole(Roles.Supervisor))
        {
            return "/supervisor";
        }

        if (user.IsInRole(Roles.IntakeAgent))
        {
            return "/inbox";
        }

        if (user.IsInRole(Roles.Technician))
        {
            return "/queue";
        }

        return "/Account/AccessDenied";
    }
}
