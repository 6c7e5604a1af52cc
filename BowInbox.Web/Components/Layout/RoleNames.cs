using BowInbox.Data.Identity;

namespace BowInbox.Web.Components.Layout;

public static class RoleNames
{
    public static string Label(string role) => role switch
    {
        Roles.IntakeAgent => "Intake agent",
        _ => role,
    };
}
