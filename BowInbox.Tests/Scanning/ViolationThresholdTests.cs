using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class ViolationThresholdTests
{
    private static readonly DateTime Now = new(2026, 5, 12, 18, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Three_violations_within_a_day_pause_the_provider()
    {
        DateTime[] times = [Now.AddHours(-23), Now.AddHours(-5), Now.AddMinutes(-1)];

        Assert.True(ViolationThreshold.ShouldPause(times, Now));
    }

    [Fact]
    public void Three_violations_spread_over_thirty_hours_do_not()
    {
        DateTime[] times = [Now.AddHours(-30), Now.AddHours(-15), Now];

        Assert.False(ViolationThreshold.ShouldPause(times, Now));
    }

    [Fact]
    public void Two_violations_are_below_the_limit()
    {
        Assert.False(ViolationThreshold.ShouldPause([Now.AddHours(-1), Now], Now));
    }

    [Fact]
    public void A_violation_exactly_a_window_old_has_aged_out()
    {
        DateTime[] times = [Now.AddHours(-24), Now.AddHours(-2), Now.AddHours(-1)];

        Assert.False(ViolationThreshold.ShouldPause(times, Now));
    }

    [Fact]
    public void Limit_and_window_can_be_set()
    {
        DateTime[] times = [Now.AddHours(-40), Now.AddHours(-20)];

        Assert.True(ViolationThreshold.ShouldPause(times, Now, limit: 2, window: TimeSpan.FromHours(48)));
        Assert.False(ViolationThreshold.ShouldPause(times, Now, limit: 2));
    }

    [Fact]
    public void A_limit_below_one_is_a_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ViolationThreshold.ShouldPause([], Now, limit: 0));
    }
}
