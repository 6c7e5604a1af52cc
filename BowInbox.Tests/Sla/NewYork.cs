using BowInbox.Core.Sla;

namespace BowInbox.Tests.Sla;

/// <summary>Test calendars in New York, where daylight saving starts 2026-03-08 and ends 2026-11-01.</summary>
internal static class NewYork
{
    public const string ZoneId = "America/New_York";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>Mon–Fri 09:00–18:00.</summary>
    public static BusinessCalendar OfficeHours(params DateOnly[] holidays) =>
        BusinessCalendar.Weekdays(ZoneId, new TimeOnly(9, 0), new TimeOnly(18, 0), holidays);

    /// <summary>A New York wall-clock time ("2026-01-09 17:55") as UTC.</summary>
    public static DateTime At(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Zone);

    public static DateTime Utc(string utc) =>
        DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
