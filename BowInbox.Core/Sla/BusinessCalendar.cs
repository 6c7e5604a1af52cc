namespace BowInbox.Core.Sla;

/// <summary>When the team counts as working: weekly opening hours in one time zone, minus holidays; or always.</summary>
public sealed class BusinessCalendar
{
    private static readonly IReadOnlyList<OpenInterval> WholeDay = [new(TimeOnly.MinValue, TimeOnly.MinValue)];

    private BusinessCalendar()
    {
        TimeZoneId = "UTC";
        TimeZone = TimeZoneInfo.Utc;
        WeeklyHours = Enum.GetValues<DayOfWeek>().ToDictionary(day => day, _ => WholeDay);
        Holidays = new HashSet<DateOnly>();
        IsAlwaysOpen = true;
    }

    /// <param name="timeZoneId">An IANA zone such as "America/New_York".</param>
    /// <param name="weeklyHours">Opening hours per day of the week; a missing day is closed.</param>
    /// <param name="holidays">Whole days closed, as dates in the calendar's zone.</param>
    public BusinessCalendar(
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenInterval>> weeklyHours,
        IEnumerable<DateOnly>? holidays = null)
    {
        TimeZoneId = timeZoneId;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        WeeklyHours = weeklyHours.ToDictionary(day => day.Key, day => Validated(day.Key, day.Value));
        Holidays = new HashSet<DateOnly>(holidays ?? []);
        if (!WeeklyHours.Values.Any(intervals => intervals.Count > 0))
        {
            throw new ArgumentException("A business calendar needs opening hours on at least one day of the week.", nameof(weeklyHours));
        }
    }

    /// <summary>24/7 with no holidays: business time is plain elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new();

    public string TimeZoneId { get; }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpenInterval>> WeeklyHours { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public bool IsAlwaysOpen { get; }

    /// <summary>The same hours Monday to Friday, closed at weekends.</summary>
    public static BusinessCalendar Weekdays(string timeZoneId, TimeOnly opens, TimeOnly closes, IEnumerable<DateOnly>? holidays = null)
    {
        IReadOnlyList<OpenInterval> hours = [new(opens, closes)];
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        return new BusinessCalendar(timeZoneId, weekdays.ToDictionary(day => day, _ => hours), holidays);
    }

    public bool IsOpenAt(DateTime instant)
    {
        var utc = UtcInstant.From(instant);
        return IsAlwaysOpen || OpenPeriodsFrom(utc).First().Start == utc;
    }

    /// <summary>The open periods from <paramref name="fromUtc"/> on, in order, as UTC instants; never ends.</summary>
    internal IEnumerable<(DateTime Start, DateTime End)> OpenPeriodsFrom(DateTime fromUtc)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, TimeZone));
        for (; ; date = date.AddDays(1))
        {
            if (Holidays.Contains(date) || !WeeklyHours.TryGetValue(date.DayOfWeek, out var intervals))
            {
                continue;
            }

            foreach (var interval in intervals)
            {
                var start = LocalTimeResolver.ToUtc(date, interval.OpensAfterMidnight, TimeZone);
                var end = LocalTimeResolver.ToUtc(date, interval.ClosesAfterMidnight, TimeZone);
                if (start < fromUtc)
                {
                    start = fromUtc;
                }

                if (start < end)
                {
                    yield return (start, end);
                }
            }
        }
    }

    private static IReadOnlyList<OpenInterval> Validated(DayOfWeek day, IReadOnlyList<OpenInterval> intervals)
    {
        var sorted = intervals.OrderBy(i => i.Opens).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].ClosesAfterMidnight <= sorted[i].OpensAfterMidnight)
            {
                throw new ArgumentException($"{day} {sorted[i]}: closing must come after opening (use 00:00 for midnight).", nameof(intervals));
            }

            if (i > 0 && sorted[i].OpensAfterMidnight < sorted[i - 1].ClosesAfterMidnight)
            {
                throw new ArgumentException($"{day} {sorted[i - 1]} and {sorted[i]} overlap.", nameof(intervals));
            }
        }

        return sorted;
    }
}
