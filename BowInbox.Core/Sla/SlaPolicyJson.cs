using System.Text.Json;
using System.Text.Json.Serialization;

namespace BowInbox.Core.Sla;

/// <summary>
/// How <see cref="SlaPolicyRecord"/> stores its targets and calendar. Targets keep whole seconds and the warning
/// point as a percentage; a calendar is either <c>{"alwaysOpen":true}</c> or a zone with weekly hours and holidays.
/// </summary>
public static class SlaPolicyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string SerializeTargets(IEnumerable<SlaTarget> targets) =>
        JsonSerializer.Serialize(
            targets.Select(t => new TargetJson(t.Kind, (long)Math.Round(t.Target.TotalSeconds), Math.Round(t.WarningFraction * 100, 4), t.Actions)).ToList(),
            Options);

    /// <exception cref="FormatException">The JSON is not a list of valid targets.</exception>
    public static IReadOnlyList<SlaTarget> DeserializeTargets(string json)
    {
        var stored = Read<List<TargetJson>>(json, "targets") ?? [];
        try
        {
            return stored.Select(t => new SlaTarget(t.Kind, TimeSpan.FromSeconds(t.Seconds), t.WarningPercent / 100, t.Actions | SlaBreachAction.Alert)).ToList();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"Stored SLA targets are invalid: {ex.Message}", ex);
        }
    }

    public static string SerializeCalendar(BusinessCalendar calendar) =>
        JsonSerializer.Serialize(
            calendar.IsAlwaysOpen
                ? new CalendarJson(true, null, null, null)
                : new CalendarJson(
                    false,
                    calendar.TimeZoneId,
                    calendar.WeeklyHours.Where(d => d.Value.Count > 0).OrderBy(d => d.Key)
                        .ToDictionary(d => d.Key, d => d.Value.Select(i => new IntervalJson(i.Opens, i.Closes)).ToList()),
                    calendar.Holidays.Order().ToList()),
            Options);

    /// <summary>An empty object or one without a time zone is 24/7.</summary>
    /// <exception cref="FormatException">The JSON is not a valid calendar.</exception>
    public static BusinessCalendar DeserializeCalendar(string json)
    {
        var stored = Read<CalendarJson>(json, "calendar");
        if (stored is null || stored.AlwaysOpen || string.IsNullOrWhiteSpace(stored.TimeZone))
        {
            return BusinessCalendar.AlwaysOpen;
        }

        try
        {
            var hours = (stored.WeeklyHours ?? []).ToDictionary(
                d => d.Key,
                d => (IReadOnlyList<OpenInterval>)d.Value.Select(i => new OpenInterval(i.Opens, i.Closes)).ToList());
            return new BusinessCalendar(stored.TimeZone, hours, stored.Holidays);
        }
        catch (Exception ex) when (ex is ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new FormatException($"Stored SLA calendar is invalid: {ex.Message}", ex);
        }
    }

    /// <exception cref="FormatException">The record's JSON is invalid.</exception>
    public static SlaPolicy ToPolicy(SlaPolicyRecord record) =>
        new(record.GroupId, record.Urgency, DeserializeTargets(record.TargetsJson), DeserializeCalendar(record.CalendarJson));

    private static T? Read<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(json) ? "null" : json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The stored SLA {what} could not be read: {ex.Message}", ex);
        }
    }

    private sealed record TargetJson(SlaTargetKind Kind, long Seconds, double WarningPercent, SlaBreachAction Actions);

    private sealed record IntervalJson(TimeOnly Opens, TimeOnly Closes);

    private sealed record CalendarJson(
        bool AlwaysOpen,
        string? TimeZone,
        Dictionary<DayOfWeek, List<IntervalJson>>? WeeklyHours,
        List<DateOnly>? Holidays);
}
