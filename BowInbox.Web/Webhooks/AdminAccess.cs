using System.Security.Claims;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Webhooks;

/// <summary>Subscriptions are Admins' business only: checked again in every service call, not just on the page.</summary>
internal static class AdminAccess
{
    public static string Require(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Admin))
        {
            throw new UnauthorizedAccessException("Only admins manage outgoing events.");
        }

        return user.Identity.Name ?? "admin";
    }
}
