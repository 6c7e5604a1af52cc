using System.Globalization;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Web.Sla;

/// <summary>One target as the admin form edits it: off, or minutes with a warning percentage and breach actions.</summary>
public sealed class SlaTargetForm
{
    public SlaTargetKind Kind { get; init; }

    public bool Enabled { get; set; }

    public decimal? Minutes { get; set; }

    public int WarningPercent { get; set; } = 80;

    public bool Requeue { get; set; }

    public bool Escalate { get; set; }
}

/// <summary>
/// An SLA policy as the admin form edits it. Weekly hours are text per day ("09:00-12:00, 13:00-18:00", empty =
/// closed) and holidays a list of dates, so that any calendar the engine supports can be written and read back.
/// </summary>
public sealed class SlaPolicyForm
{
    public const string TimeFormat = "HH:mm";

    public int? GroupId { get; set; }

    public Urgency Urgency { get; set; }

    public List<SlaTargetForm> Targets { get; set; } = Enum.GetValues<SlaTargetKind>().Select(k => new SlaTargetForm { Kind = k }).ToList();

    public bool AlwaysOpen { get; set; } = true;

    public string TimeZoneId { get; set; } = "UTC";

    public Dictionary<DayOfWeek, string> Hours { get; set; } = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => "");

    public string Holidays { get; set; } = "";

    public static IReadOnlyList<DayOfWeek> WeekFromMonday { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static SlaPolicyForm From(int? groupId, Urgency urgency, SlaPolicy? policy)
    {
        var form = new SlaPolicyForm { GroupId = groupId, Urgency = urgency };
        if (policy is null)
        {
            return form;
        }

        foreach (var target in policy.Targets)
        {
            var edited = form.Targets.Single(t => t.Kind == target.Kind);
            edited.Enabled = true;
            edited.Minutes = Math.Round((decimal)target.Target.TotalMinutes, 2);
            edited.WarningPercent = (int)Math.Round(target.WarningFraction * 100);
            edited.Requeue = target.Actions.HasFlag(SlaBreachAction.Requeue);
            edited.Escalate = target.Actions.HasFlag(SlaBreachAction.Escalate);
        }

        var calendar = policy.Calendar;
        form.AlwaysOpen = calendar.IsAlwaysOpen;
        if (!calendar.IsAlwaysOpen)
        {
            form.TimeZoneId = calendar.TimeZoneId;
            foreach (var (day, intervals) in calendar.WeeklyHours)
            {
                form.Hours[day] = string.Join(", ", intervals.Select(i => $"{i.Opens.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{i.Closes.ToString(TimeFormat, CultureInfo.InvariantCulture)}"));
            }

            form.Holidays = string.Join(", ", calendar.Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return form;
    }

    /// <summary>The policy, or every problem in words an admin can act on.</summary>
    public (SlaPolicy? Policy, IReadOnlyList<string> Errors) ToPolicy()
    {
        var errors = new List<string>();
        var targets = new List<SlaTarget>();
        foreach (var target in Targets.Where(t => t.Enabled))
        {
            var label = SlaLabels.Target(target.Kind);
            if (target.Minutes is not > 0)
            {
                errors.Add($"{label}: enter a target above 0 minutes.");
                continue;
            }

            if (target.Minutes > 60 * 24 * 365)
            {
                errors.Add($"{label}: a target can be at most a year.");
                continue;
            }

            if (target.WarningPercent is < 1 or > 100)
            {
                errors.Add($"{label}: the warning point must be between 1 and 100% of the target.");
                continue;
            }

            if (target.Requeue && !SlaAlertRaiser.CanRequeue(target.Kind))
            {
                errors.Add($"{label}: re-queue is only possible for offer acceptance and provider first contact.");
                continue;
            }

            var actions = SlaBreachAction.Alert
                | (target.Requeue ? SlaBreachAction.Requeue : SlaBreachAction.None)
                | (target.Escalate ? SlaBreachAction.Escalate : SlaBreachAction.None);
            targets.Add(new SlaTarget(target.Kind, TimeSpan.FromSeconds(Math.Round((double)target.Minutes.Value * 60)), target.WarningPercent / 100.0, actions));
        }

        if (targets.Count == 0 && errors.Count == 0)
        {
            errors.Add("Switch on at least one target, or delete the policy to fall back to the next one.");
        }

        var calendar = AlwaysOpen ? BusinessCalendar.AlwaysOpen : ReadCalendar(errors);
        return errors.Count > 0 || calendar is null
            ? (null, errors)
            : (new SlaPolicy(GroupId, Urgency, targets, calendar), errors);
    }

    private BusinessCalendar? ReadCalendar(List<string> errors)
    {
        var zoneId = TimeZoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
        {
            errors.Add($"Time zone '{zoneId}' is unknown: use an IANA name such as America/New_York or Europe/London.");
        }

        var hours = new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>();
        foreach (var day in WeekFromMonday)
        {
            var intervals = new List<OpenInterval>();
            foreach (var part in (Hours.GetValueOrDefault(day) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var ends = part.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
                if (ends.Length != 2 || !TryTime(ends[0], out var opens) || !TryTime(ends[1], out var closes))
                {
                    errors.Add($"{day}: '{part}' is not like 09:00-18:00.");
                    continue;
                }

                intervals.Add(new OpenInterval(opens, closes));
            }

            if (intervals.Count > 0)
            {
                hours[day] = intervals;
            }
        }

        var holidays = new List<DateOnly>();
        foreach (var text in Holidays.Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"Holiday '{text}' is not a date like 2026-12-25.");
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        try
        {
            return new BusinessCalendar(zoneId, hours, holidays);
        }
        catch (ArgumentException ex)
        {
            errors.Add(ex.Message.Split(" (Parameter", 2)[0]);
            return null;
        }
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
