using BowInbox.Core.Numbers;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Seed;

/// <summary>The Development seed's fixed values; demos, fixtures and end-to-end checks depend on them.</summary>
public static class DemoData
{
    public const string Password = "BowInbox-demo-1";

    public const string CentralPhoneNumberId = "100000000000001";

    /// <summary>The central SMS number the simulated phones text in Development (E.164 digits, also its id).</summary>
    public const string SmsCentralNumber = "15550009999";

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
        new("desk@demo.local", "Ines Costa", Roles.Technician, "15550100005", InsurerGroup),
        new("underwriter@demo.local", "Umar Hale", Roles.Technician, "15550100006", UnderwritingGroup),
        new("tutor1@demo.local", "Mia Chen", Roles.Technician, "15550100007", TutoringGroup),
        new("tutor2@demo.local", "Raj Patel", Roles.Technician, "15550100008", TutoringGroup),
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
        new(InsurerGroup, "insurance", "downtown"),
        new(UnderwritingGroup, "underwriting", "downtown"),
        new(TutoringGroup, "math tutoring", "downtown"),
    ];

    public const string UnderwritingGroup = "Underwriting - Acme";

    /// <summary>The demo insurer: customers who name it or write a policy number like POL-12345678 reach its desk.</summary>
    public static readonly DemoInsurer Insurer = new("Acme Insurance", "Acme\nAcme Seguros", @"POL-\d{8}", InsurerGroup, UnderwritingGroup);

    /// <summary>The tutoring marketplace's maths tutors: a learner asking for algebra help downtown is offered to them, and bookings open sessions with them.</summary>
    public const string TutoringGroup = "Tutors - Math";

    /// <summary>An insurer's support desk: office hours in New York, so SLA clocks pause at night and at weekends.</summary>
    public const string InsurerGroup = "Insurer desk - Acme";

    public static readonly BusinessCalendar InsurerHours = BusinessCalendar.Weekdays(
        "America/New_York", new TimeOnly(9, 0), new TimeOnly(18, 0), [new DateOnly(2026, 7, 3), new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 25)]);

    /// <summary>SLA policies per group (null = intake) and urgency. Home services run 24/7; re-queue when a provider sits on a lead.</summary>
    public static readonly IReadOnlyList<DemoSlaPolicy> SlaPolicies =
    [
        new(null, Urgency.Urgent, [Target(SlaTargetKind.FirstResponse, 5), Target(SlaTargetKind.NextResponse, 10)], BusinessCalendar.AlwaysOpen),
        new(null, Urgency.Normal, [Target(SlaTargetKind.FirstResponse, 15), Target(SlaTargetKind.NextResponse, 30)], BusinessCalendar.AlwaysOpen),
        HomeService("Plumbers - Downtown", Urgency.Urgent, firstResponse: 5, acceptance: 5, firstContact: 15, resolutionHours: 8),
        HomeService("Plumbers - Downtown", Urgency.Normal, firstResponse: 15, acceptance: 10, firstContact: 30, resolutionHours: 48),
        HomeService("Plumbers - Uptown", Urgency.Urgent, firstResponse: 5, acceptance: 5, firstContact: 15, resolutionHours: 8),
        HomeService("Plumbers - Uptown", Urgency.Normal, firstResponse: 15, acceptance: 10, firstContact: 30, resolutionHours: 48),
        HomeService("Electricians - Downtown", Urgency.Urgent, firstResponse: 5, acceptance: 5, firstContact: 20, resolutionHours: 8),
        HomeService("Electricians - Downtown", Urgency.Normal, firstResponse: 20, acceptance: 15, firstContact: 45, resolutionHours: 72),
        new(InsurerGroup, Urgency.Urgent,
            [Target(SlaTargetKind.FirstResponse, 30), Target(SlaTargetKind.OfferAcceptance, 15, SlaBreachAction.Requeue), Target(SlaTargetKind.ProviderFirstContact, 60),
             Target(SlaTargetKind.NextResponse, 60), Target(SlaTargetKind.Resolution, 9 * 60, SlaBreachAction.Escalate)],
            InsurerHours),
        new(InsurerGroup, Urgency.Normal,
            [Target(SlaTargetKind.FirstResponse, 60), Target(SlaTargetKind.OfferAcceptance, 30, SlaBreachAction.Requeue), Target(SlaTargetKind.ProviderFirstContact, 120),
             Target(SlaTargetKind.NextResponse, 240), Target(SlaTargetKind.Resolution, 3 * 9 * 60, SlaBreachAction.Escalate)],
            InsurerHours),

        // Underwriting works on what the desk handed over: slower targets, same office hours.
        new(UnderwritingGroup, Urgency.Urgent,
            [Target(SlaTargetKind.OfferAcceptance, 30, SlaBreachAction.Requeue), Target(SlaTargetKind.ProviderFirstContact, 120), Target(SlaTargetKind.Resolution, 2 * 9 * 60, SlaBreachAction.Escalate)],
            InsurerHours),
        new(UnderwritingGroup, Urgency.Normal,
            [Target(SlaTargetKind.OfferAcceptance, 60, SlaBreachAction.Requeue), Target(SlaTargetKind.ProviderFirstContact, 240), Target(SlaTargetKind.Resolution, 5 * 9 * 60, SlaBreachAction.Escalate)],
            InsurerHours),
    ];

    public static readonly IReadOnlyList<DemoNumber> Numbers =
    [
        new(CentralPhoneNumberId, "15550000000", NumberPurpose.Central),
        new("100000000000011", "15550000011", NumberPurpose.ProviderPool),
        new("100000000000012", "15550000012", NumberPurpose.ProviderPool),
        new("100000000000013", "15550000013", NumberPurpose.ProviderPool),
        new(SmsCentralNumber, SmsCentralNumber, NumberPurpose.Central, TicketChannels.Sms),
    ];

    private static SlaTarget Target(SlaTargetKind kind, int minutes, SlaBreachAction actions = SlaBreachAction.None) =>
        new(kind, TimeSpan.FromMinutes(minutes), 0.8, SlaBreachAction.Alert | actions);

    private static DemoSlaPolicy HomeService(string group, Urgency urgency, int firstResponse, int acceptance, int firstContact, int resolutionHours) =>
        new(group, urgency,
            [Target(SlaTargetKind.FirstResponse, firstResponse), Target(SlaTargetKind.OfferAcceptance, acceptance, SlaBreachAction.Requeue),
             Target(SlaTargetKind.ProviderFirstContact, firstContact, SlaBreachAction.Requeue), Target(SlaTargetKind.NextResponse, firstResponse * 2),
             Target(SlaTargetKind.Resolution, resolutionHours * 60, SlaBreachAction.Escalate)],
            BusinessCalendar.AlwaysOpen);
}

public sealed record DemoSlaPolicy(string? Group, Urgency Urgency, IReadOnlyList<SlaTarget> Targets, BusinessCalendar Calendar);

public sealed record DemoUser(string Email, string DisplayName, string Role, string? WaId, string? Group);

public sealed record DemoGroup(string Name, string ServiceType, string Area);

public sealed record DemoInsurer(string Name, string Aliases, string PolicyPatterns, string DeskGroup, string UnderwritingGroup);

/// <summary>One of our numbers; an SMS number's id is its E.164 digits.</summary>
public sealed record DemoNumber(string PhoneNumberId, string DisplayNumber, NumberPurpose Purpose, string Channel = TicketChannels.WhatsApp);
