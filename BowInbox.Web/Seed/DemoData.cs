using BowInbox.Core.Numbers;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Seed;

/// <summary>The Development seed's fixed values; demos, fixtures and end-to-end checks depend on them.</summary>
public static class DemoData
{
    public const string Password = "BowInbox-demo-1";

    public const string CentralPhoneNumberId = "100000000000001";

    /// <summary>supervisor@demo.local's own WhatsApp number, registered for commands such as /audit_session.</summary>
    public const string SupervisorWhatsApp = "15550100009";

    public const string SupervisorEmail = "supervisor@demo.local";

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin@demo.local", "Ada Admin", Roles.Admin, null, null),
        new("supervisor@demo.local", "Sam Supervisor", Roles.Supervisor, null, null),
        new("intake@demo.local", "Ivy Intake", Roles.IntakeAgent, null, null),
        new("tech1@demo.local", "Tom Baker", Roles.Technician, "15550100001", "Plumbers - Downtown"),
        new("tech2@demo.local", "Ana Lopez", Roles.Technician, "15550100002", "Plumbers - Downtown"),
        new("tech3@demo.local", "Eli Watts", Roles.Technician, "15550100003", "Electricians - Downtown"),
        new("tech4@demo.local", "Uma Reed", Roles.Technician, "15550100004", "Plumbers - Uptown"),
    ];

    public static readonly IReadOnlyList<(string Shortcut, string Text)> CannedReplies =
    [
        ("thanks", "Thanks for your message! We are finding the right professional for you now."),
        ("area", "Which area are you in? You can also share your location in WhatsApp."),
        ("photo", "Could you send us a photo of the problem? It helps the technician bring the right parts."),
    ];

    public static readonly IReadOnlyList<DemoGroup> Groups =
    [
        new("Plumbers - Downtown", "plumbing", "downtown"),
        new("Electricians - Downtown", "electrical", "downtown"),
        new("Plumbers - Uptown", "plumbing", "uptown"),
    ];

    public static readonly IReadOnlyList<DemoNumber> Numbers =
    [
        new(CentralPhoneNumberId, "15550000000", NumberPurpose.Central),
        new("100000000000011", "15550000011", NumberPurpose.ProviderPool),
        new("100000000000012", "15550000012", NumberPurpose.ProviderPool),
        new("100000000000013", "15550000013", NumberPurpose.ProviderPool),
    ];
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string? WaId, string? Group);

public sealed record DemoGroup(string Name, string ServiceType, string Area);

public sealed record DemoNumber(string PhoneNumberId, string DisplayNumber, NumberPurpose Purpose);
