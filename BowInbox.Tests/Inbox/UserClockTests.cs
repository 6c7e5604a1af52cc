using BowInbox.Web.Inbox;

namespace BowInbox.Tests.Inbox;

/// <summary>One format for every time, in the reader's zone: exact on pages and hovers, relative in lists.</summary>
public sealed class UserClockTests
{
    private static readonly DateTime At = new(2026, 3, 7, 13, 5, 9, DateTimeKind.Unspecified);

    [Fact]
    public void Times_read_from_the_database_are_written_as_UTC_until_the_browser_names_a_zone()
    {
        Assert.Equal("2026-03-07 13:05 UTC", UserClock.Utc.Exact(At));
        Assert.Equal("2026-03-07 13:05:09 UTC", UserClock.Utc.ExactToSecond(At));
        Assert.Equal("13:05 UTC", UserClock.Utc.TimeOfDay(At));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-07 14:05 UTC+1")]
    [InlineData("Asia/Kolkata", "2026-03-07 18:35 UTC+5:30")]
    [InlineData("America/Sao_Paulo", "2026-03-07 10:05 UTC-3")]
    public void A_browser_zone_shifts_the_time_and_says_its_offset(string zone, string expected)
        => Assert.Equal(expected, UserClock.For(zone).Exact(At));

    [Fact]
    public void Summer_time_is_applied_on_the_day_it_is_in_force()
        => Assert.Equal("2026-07-01 15:00 UTC+2", UserClock.For("Europe/Berlin").Exact(new DateTime(2026, 7, 1, 13, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void A_zone_the_server_does_not_know_falls_back_to_UTC(string? zone)
        => Assert.Same(UserClock.Utc, UserClock.For(zone));

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(4 * 60, "4 min")]
    [InlineData(2 * 3600 + 5 * 60, "2 h 5 min")]
    [InlineData(3 * 86400 + 7200, "3 d")]
    public void Lists_say_how_long_ago_in_short_words(int seconds, string expected)
        => Assert.Equal(expected, UserClock.Ago(At, DateTime.SpecifyKind(At, DateTimeKind.Utc).AddSeconds(seconds)));
}
