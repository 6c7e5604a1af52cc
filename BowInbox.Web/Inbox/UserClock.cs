using System.Globalization;

namespace BowInbox.Web.Inbox;

/// <summary>
/// The one way BowInbox writes a time, in the reader's own time zone: exact as "2026-03-07 14:05 UTC+1" (to the
/// second in exports and audit records), relative in lists as "4 min". Every time stored is UTC; the zone is the
/// browser's, read once per circuit, and UTC until it is known or when it names no zone this server has.
/// </summary>
public sealed record UserClock(TimeZoneInfo Zone)
{
    public const string DatePattern = "yyyy-MM-dd";

    public static readonly UserClock Utc = new(TimeZoneInfo.Utc);

    /// <summary>The clock for a zone the browser named (an IANA id such as "Europe/Lisbon"); UTC for anything else.</summary>
    public static UserClock For(string? zoneId)
        => !string.IsNullOrWhiteSpace(zoneId) && zoneId.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? new UserClock(zone)
            : Utc;

    /// <summary>"2026-03-07 14:05 UTC+1": for hover titles and wherever a time is shown in full.</summary>
    public string Exact(DateTime utc) => Format(utc, DatePattern + " HH:mm");

    /// <summary>"2026-03-07 14:05:09 UTC+1": the same format to the second, for exports and audit records.</summary>
    public string ExactToSecond(DateTime utc) => Format(utc, DatePattern + " HH:mm:ss");

    /// <summary>"14:05 UTC+1": a time today, in a sentence.</summary>
    public string TimeOfDay(DateTime utc) => Format(utc, "HH:mm");

    /// <summary>How long ago <paramref name="utc"/> was, in the list's words ("just now", "4 min", "2 h 5 min", "3 d").</summary>
    public static string Ago(DateTime utc, DateTime now) => Relative(now - AsUtc(utc));

    /// <summary>"just now", "7 min", "2 h 5 min", "3 d".</summary>
    public static string Relative(TimeSpan span)
    {
        var value = span.Duration();
        if (value < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (value < TimeSpan.FromHours(1))
        {
            return $"{(int)value.TotalMinutes} min";
        }

        return value < TimeSpan.FromDays(1) ? $"{(int)value.TotalHours} h {value.Minutes} min" : $"{(int)value.TotalDays} d";
    }

    private string Format(DateTime utc, string pattern)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone);
        return local.ToString(pattern, CultureInfo.InvariantCulture) + " " + Label(Zone.GetUtcOffset(local));
    }

    /// <summary>"UTC", "UTC+1", "UTC-3", "UTC+5:30": short, and unambiguous where zone abbreviations are not.</summary>
    private static string Label(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var value = offset.Duration();
        return value.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{value.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{value.Hours}:{value.Minutes:00}");
    }

    // Times read from the database have no kind; everything stored is UTC.
    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
