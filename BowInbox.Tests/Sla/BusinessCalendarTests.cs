using BowInbox.Core.Sla;

namespace BowInbox.Tests.Sla;

public sealed class BusinessCalendarTests
{
    [Fact]
    public void Overlapping_hours_are_refused()
    {
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>
        {
            [DayOfWeek.Monday] = [new(new TimeOnly(9, 0), new TimeOnly(13, 0)), new(new TimeOnly(12, 0), new TimeOnly(18, 0))],
        };

        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", hours));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_before_opening_is_refused() =>
        Assert.Throws<ArgumentException>(() => BusinessCalendar.Weekdays("UTC", new TimeOnly(18, 0), new TimeOnly(9, 0)));

    [Fact]
    public void A_calendar_that_is_never_open_is_refused() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>()));

    [Fact]
    public void An_unknown_time_zone_is_refused() =>
        Assert.Throws<TimeZoneNotFoundException>(() => BusinessCalendar.Weekdays("Mars/Olympus_Mons", new TimeOnly(9, 0), new TimeOnly(18, 0)));

    [Fact]
    public void Closing_at_midnight_means_the_end_of_the_day()
    {
        var calendar = BusinessCalendar.Weekdays("UTC", new TimeOnly(20, 0), TimeOnly.MinValue);
        var monday = new DateTime(2026, 1, 12, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(TimeSpan.FromHours(4), BusinessTime.Elapsed(monday, monday.AddDays(1), calendar));
        Assert.True(calendar.IsOpenAt(monday.AddHours(23).AddMinutes(59)));
    }

    [Fact]
    public void Always_open_is_24_7_in_utc()
    {
        Assert.True(BusinessCalendar.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal("UTC", BusinessCalendar.AlwaysOpen.TimeZoneId);
        Assert.True(BusinessCalendar.AlwaysOpen.IsOpenAt(new DateTime(2026, 12, 25, 3, 0, 0, DateTimeKind.Utc)));
    }
}
