namespace BowInbox.Core.Sla;

/// <summary>
/// An SLA policy as stored: per provider group (null = intake, before routing) and urgency, with
/// its targets and business calendar as JSON (see <see cref="SlaPolicyJson"/>), editable by Admins.
/// </summary>
public class SlaPolicyRecord
{
    public int Id { get; set; }

    public int? GroupId { get; set; }

    public BowInbox.Core.Tickets.Urgency Urgency { get; set; }

    public string TargetsJson { get; set; } = "[]";

    public string CalendarJson { get; set; } = "{}";

    public DateTime UpdatedAt { get; set; }
}
