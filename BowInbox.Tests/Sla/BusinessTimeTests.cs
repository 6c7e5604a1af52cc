using BowInbox.Core.Sla;
using static BowInbox.Tests.Sla.NewYork;

namespace BowInbox.Tests.Sla;

public sealed class BusinessTimeTests
{
    private static readonly TimeSpan FifteenMinutes = TimeSpan.FromMinutes(15);

    [Fact]
    public void Friday_17_55_with_15_minutes_is_due_Monday_09_10()
    {
        var due = BusinessTime.AddBusinessTime(At("2026-01-09 17:55"), FifteenMinutes, OfficeHours());

        Assert.Equal(Utc("2026-01-12 14:10"), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Fact]
    public void With_that_Monday_a_holiday_it_is_due_Tuesday_09_10()
    {
        var due = BusinessTime.AddBusinessTime(At("2026-01-09 17:55"), FifteenMinutes, OfficeHours(new DateOnly(2026, 1, 12)));

        Assert.Equal(At("2026-01-13 09:10"), due);
    }

    [Theory]
    [InlineData("2026-01-10 11:00", "2026-01-12 09:15")]
    [InlineData("2026-01-11 23:59", "2026-01-12 09:15")]
    [InlineData("2026-01-12 07:00", "2026-01-12 09:15")]
    [InlineData("2026-01-12 18:00", "2026-01-13 09:15")]
    [InlineData("2026-01-12 10:00", "2026-01-12 10:15")]
    [InlineData("2026-01-09 17:45", "2026-01-09 18:00")]
    public void Closed_time_is_skipped_and_counting_starts_at_opening(string start, string due) =>
        Assert.Equal(At(due), BusinessTime.AddBusinessTime(At(start), FifteenMinutes, OfficeHours()));

    [Fact]
    public void Long_targets_span_several_business_days()
    {
        var due = BusinessTime.AddBusinessTime(At("2026-01-08 17:00"), TimeSpan.FromHours(11), OfficeHours());

        Assert.Equal(At("2026-01-12 10:00"), due);
    }

    [Fact]
    public void A_lunch_break_is_skipped()
    {
        IReadOnlyList<OpenInterval> hours = [new(new TimeOnly(13, 0), new TimeOnly(18, 0)), new(new TimeOnly(9, 0), new TimeOnly(12, 0))];
        var calendar = new BusinessCalendar("UTC", new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>> { [DayOfWeek.Monday] = hours });

        Assert.Equal(Utc("2026-01-12 13:10"), BusinessTime.AddBusinessTime(Utc("2026-01-12 11:50"), TimeSpan.FromMinutes(20), calendar));
        Assert.Equal(TimeSpan.FromHours(8), BusinessTime.Elapsed(Utc("2026-01-12 00:00"), Utc("2026-01-13 00:00"), calendar));
    }

    [Fact]
    public void Always_open_is_plain_addition()
    {
        var start = Utc("2026-03-08 06:30");

        Assert.Equal(start.AddMinutes(90), BusinessTime.AddBusinessTime(start, TimeSpan.FromMinutes(90), BusinessCalendar.AlwaysOpen));
        Assert.Equal(start.AddDays(3), BusinessTime.AddBusinessTime(start, TimeSpan.FromDays(3), BusinessCalendar.AlwaysOpen));
        Assert.Equal(TimeSpan.FromDays(3), BusinessTime.Elapsed(start, start.AddDays(3), BusinessCalendar.AlwaysOpen));
    }

    [Fact]
    public void Spring_forward_weekend_keeps_local_opening_hours()
    {
        // 17:55 EST is 22:55Z; Monday 09:10 EDT is 13:10Z, an hour earlier in UTC than the week before.
        var due = BusinessTime.AddBusinessTime(Utc("2026-03-06 22:55"), FifteenMinutes, OfficeHours());

        Assert.Equal(Utc("2026-03-09 13:10"), due);
    }

    [Fact]
    public void Fall_back_weekend_keeps_local_opening_hours()
    {
        // 17:55 EDT is 21:55Z; Monday 09:10 EST is 14:10Z.
        var due = BusinessTime.AddBusinessTime(Utc("2026-10-30 21:55"), FifteenMinutes, OfficeHours());

        Assert.Equal(Utc("2026-11-02 14:10"), due);
    }

    [Fact]
    public void Round_the_clock_hours_count_real_time_across_daylight_saving_changes()
    {
        var allWeek = Enum.GetValues<DayOfWeek>().ToDictionary(
            day => day,
            _ => (IReadOnlyList<OpenInterval>)[new(TimeOnly.MinValue, TimeOnly.MinValue)]);
        var calendar = new BusinessCalendar(ZoneId, allWeek);

        Assert.Equal(TimeSpan.FromHours(23), BusinessTime.Elapsed(At("2026-03-08 00:00"), At("2026-03-09 00:00"), calendar));
        Assert.Equal(TimeSpan.FromHours(25), BusinessTime.Elapsed(At("2026-11-01 00:00"), At("2026-11-02 00:00"), calendar));
        Assert.Equal(Utc("2026-03-08 09:00"), BusinessTime.AddBusinessTime(Utc("2026-03-08 04:00"), TimeSpan.FromHours(5), calendar));
    }

    [Fact]
    public void Opening_inside_the_skipped_hour_opens_when_the_clocks_land()
    {
        var calendar = new BusinessCalendar(ZoneId, new Dictionary<DayOfWeek, IReadOnlyList<OpenInterval>>
        {
            [DayOfWeek.Sunday] = [new(new TimeOnly(2, 30), new TimeOnly(4, 0))],
        });

        // 02:30 does not exist on 2026-03-08; the clocks land on 03:00 EDT (07:00Z), so the day has one open hour.
        Assert.Equal(TimeSpan.FromHours(1), BusinessTime.Elapsed(Utc("2026-03-08 00:00"), Utc("2026-03-09 00:00"), calendar));
        Assert.False(calendar.IsOpenAt(Utc("2026-03-08 06:59")));
        Assert.True(calendar.IsOpenAt(Utc("2026-03-08 07:00")));
        Assert.Equal(TimeSpan.FromHours(1.5), BusinessTime.Elapsed(Utc("2026-03-01 00:00"), Utc("2026-03-02 00:00"), calendar));
    }

    [Fact]
    public void Elapsed_counts_only_open_time()
    {
        var calendar = OfficeHours(new DateOnly(2026, 1, 12));

        Assert.Equal(TimeSpan.FromHours(2), BusinessTime.Elapsed(At("2026-01-08 17:00"), At("2026-01-09 10:00"), calendar));
        Assert.Equal(TimeSpan.FromHours(2), BusinessTime.Elapsed(At("2026-01-09 17:00"), At("2026-01-13 10:00"), calendar));
        Assert.Equal(TimeSpan.Zero, BusinessTime.Elapsed(At("2026-01-10 08:00"), At("2026-01-11 20:00"), calendar));
        Assert.Equal(TimeSpan.Zero, BusinessTime.Elapsed(At("2026-01-09 12:00"), At("2026-01-09 11:00"), calendar));
    }

    [Theory]
    [InlineData("2026-01-09 17:55", 15)]
    [InlineData("2026-03-06 16:00", 600)]
    [InlineData("2026-10-30 08:00", 3000)]
    [InlineData("2026-01-10 12:00", 1)]
    public void Elapsed_undoes_adding_business_time(string start, int minutes)
    {
        var calendar = OfficeHours(new DateOnly(2026, 11, 2));
        var duration = TimeSpan.FromMinutes(minutes);

        var due = BusinessTime.AddBusinessTime(At(start), duration, calendar);

        Assert.Equal(duration, BusinessTime.Elapsed(At(start), due, calendar));
    }

    [Theory]
    [InlineData("2026-01-09 17:59", true)]
    [InlineData("2026-01-09 18:00", false)]
    [InlineData("2026-01-12 09:00", false)]
    [InlineData("2026-01-13 09:00", true)]
    [InlineData("2026-01-10 12:00", false)]
    public void Is_open_follows_hours_weekends_and_holidays(string local, bool open) =>
        Assert.Equal(open, OfficeHours(new DateOnly(2026, 1, 12)).IsOpenAt(At(local)));

    [Fact]
    public void Times_without_a_kind_are_read_as_utc()
    {
        var unspecified = DateTime.SpecifyKind(Utc("2026-01-09 22:55"), DateTimeKind.Unspecified);

        Assert.Equal(Utc("2026-01-12 14:10"), BusinessTime.AddBusinessTime(unspecified, FifteenMinutes, OfficeHours()));
    }

    [Fact]
    public void Zero_and_negative_durations()
    {
        var saturday = At("2026-01-10 12:00");

        Assert.Equal(saturday, BusinessTime.AddBusinessTime(saturday, TimeSpan.Zero, OfficeHours()));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessTime.AddBusinessTime(saturday, TimeSpan.FromMinutes(-1), OfficeHours()));
    }
}
