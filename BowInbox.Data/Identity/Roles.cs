namespace BowInbox.Data.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";
    public const string IntakeAgent = "IntakeAgent";
    public const string Technician = "Technician";

    public static readonly IReadOnlyList<string> All = [Admin, Supervisor, IntakeAgent, Technician];

    /// <summary>Roles that work the team inbox.</summary>
    public const string InboxRoles = IntakeAgent + "," + Supervisor + "," + Admin;

    public const string SupervisorRoles = Supervisor + "," + Admin;
}
