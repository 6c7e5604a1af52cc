using System.Globalization;
using System.Text.RegularExpressions;

namespace BowInbox.Core.Dispatch;

/// <summary>When the technician will arrive: a window in UTC, and the time zone it was given in (to say it back in the same words).</summary>
public sealed record ArrivalWindow(DateTime StartUtc, DateTime EndUtc, string TimeZoneId)
{
    /// <summary>The longest window a technician may give; "some time this week" is not an arrival window.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(12);

    /// <summary>How far ahead a window may be given.</summary>
    public const int MaxDaysAhead = 60;

    /// <summary>The window as a ticket stores it; null when none was confirmed.</summary>
    public static ArrivalWindow? Of(DateTime? startUtc, DateTime? endUtc, string? timeZoneId)
        => startUtc is { } start && endUtc is { } end ? new ArrivalWindow(start, end, timeZoneId ?? TimeZoneInfo.Utc.Id) : null;

    /// <summary>"Tue 8 Dec, 14:00–16:00" in the zone the window was given in.</summary>
    public string Describe()
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var start = TimeZoneInfo.ConvertTimeFromUtc(StartUtc, zone);
        var end = TimeZoneInfo.ConvertTimeFromUtc(EndUtc, zone);
        var culture = CultureInfo.InvariantCulture;
        var day = start.ToString("ddd d MMM", culture);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", culture) : end.ToString("ddd d MMM HH:mm", culture);
        return $"{day}, {start.ToString("HH:mm", culture)}–{endText} ({zone.Id})";
    }
}

/// <summary>
/// Reads an arrival window as a technician types it after <c>/eta</c>: <c>14:00-16:00</c>, <c>9-11</c>,
/// <c>tomorrow 9-11</c>, <c>today 14:30-15</c> or <c>2026-12-09 8-10</c>, in the technician's time zone.
/// Without a day the window is today's; one that has already ended today is refused rather than moved to tomorrow,
/// since the customer would be told the wrong day if the technician meant today.
/// </summary>
public static partial class ArrivalWindowParser
{
    public const string Usage = "Write the window as /eta 14:00-16:00, /eta tomorrow 9-11 or /eta 2026-12-09 8:30-10.";

    [GeneratedRegex(@"^(?:(?<day>today|tomorrow|\d{4}-\d{2}-\d{2})\s+)?(?<from>\d{1,2}(?::\d{2})?)\s*[-–—]\s*(?<to>\d{1,2}(?::\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The window, or why the text is not one (in words for the technician).</summary>
    public static (ArrivalWindow? Window, string? Problem) Parse(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return (null, Usage);
        }

        if (TimeOf(match.Groups["from"].Value) is not { } from || TimeOf(match.Groups["to"].Value) is not { } to)
        {
            return (null, "Use hours 0–23 and minutes 00–59. " + Usage);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var dayText = match.Groups["day"].Value.ToLowerInvariant();
        DateOnly day;
        if (dayText is "" or "today")
        {
            day = today;
        }
        else if (dayText == "tomorrow")
        {
            day = today.AddDays(1);
        }
        else if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return (null, $"{dayText} is not a date. " + Usage);
        }

        if (to <= from)
        {
            return (null, "The window must end after it starts (for one past midnight, give the date of each part separately).");
        }

        if (to - from > ArrivalWindow.MaxLength)
        {
            return (null, $"Give a window of at most {ArrivalWindow.MaxLength.TotalHours:0} hours.");
        }

        if (day > today.AddDays(ArrivalWindow.MaxDaysAhead))
        {
            return (null, $"Give a window within the next {ArrivalWindow.MaxDaysAhead} days.");
        }

        var start = Sla.LocalTimeResolver.ToUtc(day, from, zone);
        var end = Sla.LocalTimeResolver.ToUtc(day, to, zone);
        if (end <= nowUtc)
        {
            return (null, dayText is "" ? "That window has already passed today; for tomorrow write /eta tomorrow followed by the hours." : "That window has already passed.");
        }

        return (new ArrivalWindow(start, end, zone.Id), null);
    }

    private static TimeSpan? TimeOf(string text)
    {
        var parts = text.Split(':');
        var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minutes = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        return hours is >= 0 and <= 23 && minutes is >= 0 and <= 59 ? new TimeSpan(hours, minutes, 0) : null;
    }
}
