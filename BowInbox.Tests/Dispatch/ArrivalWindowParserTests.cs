using BowInbox.Core.Dispatch;

namespace BowInbox.Tests.Dispatch;

public sealed class ArrivalWindowParserTests
{
    // 10:00 in New York (UTC−5 in December).
    private static readonly DateTime Now = new(2026, 12, 8, 15, 0, 0, DateTimeKind.Utc);

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Hours_without_a_day_are_today_in_the_technicians_zone()
    {
        var (window, problem) = ArrivalWindowParser.Parse("14:00-16:00", Now, NewYork);

        Assert.Null(problem);
        Assert.Equal(new DateTime(2026, 12, 8, 19, 0, 0, DateTimeKind.Utc), window!.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 8, 21, 0, 0, DateTimeKind.Utc), window.EndUtc);
        Assert.Equal("Tue 8 Dec, 14:00–16:00 (America/New_York)", window.Describe());
    }

    [Fact]
    public void Tomorrow_with_bare_hours_is_the_next_local_day()
    {
        var (window, _) = ArrivalWindowParser.Parse("tomorrow 9-11:30", Now, NewYork);

        Assert.Equal(new DateTime(2026, 12, 9, 14, 0, 0, DateTimeKind.Utc), window!.StartUtc);
        Assert.Equal(new DateTime(2026, 12, 9, 16, 30, 0, DateTimeKind.Utc), window.EndUtc);
    }

    [Fact]
    public void A_date_and_an_en_dash_are_read()
    {
        var (window, _) = ArrivalWindowParser.Parse("2026-12-10 8–10", Now, TimeZoneInfo.Utc);

        Assert.Equal(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc), window!.StartUtc);
    }

    [Theory]
    [InlineData("soon", "Write the window")]
    [InlineData("16-14", "must end after it starts")]
    [InlineData("25:00-26:00", "hours 0–23")]
    [InlineData("8-9", "already passed today")]
    [InlineData("2027-05-01 8-9", "within the next 60 days")]
    [InlineData("2026-02-30 8-9", "is not a date")]
    [InlineData("6-20", "at most 12 hours")]
    public void A_window_that_cannot_be_meant_is_refused_with_a_reason(string text, string reason)
    {
        var (window, problem) = ArrivalWindowParser.Parse(text, Now, NewYork);

        Assert.Null(window);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
