using BowInbox.Core.Numbers;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Channel;

public class SendRateLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sends_from_one_number_are_spaced_one_interval_apart()
    {
        var limiter = new InProcessSendRateLimiter(time);

        var waits = Enumerable.Range(0, 80).Select(_ => limiter.Reserve("100000000000001", 80)).ToList();

        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), waits[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5 * 79), waits[79]);

        // The 81st of one instant waits for the next second: 80 a second, no more.
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("100000000000001", 80));
    }

    [Fact]
    public void Each_number_has_its_own_pace()
    {
        var limiter = new InProcessSendRateLimiter(time);
        for (var i = 0; i < 20; i++)
        {
            limiter.Reserve("100000000000001", 20);
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("100000000000011", 20));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve("100000000000001", 20));
    }

    [Fact]
    public void Time_that_passed_is_not_saved_up_for_a_burst()
    {
        var limiter = new InProcessSendRateLimiter(time);
        limiter.Reserve("100000000000001", 1_000);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("100000000000001", 1_000));
        Assert.Equal(TimeSpan.FromMilliseconds(1), limiter.Reserve("100000000000001", 1_000));
    }

    [Fact]
    public void Half_an_interval_later_the_next_send_waits_the_other_half()
    {
        var limiter = new InProcessSendRateLimiter(time);
        limiter.Reserve("100000000000001", 10);
        time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(TimeSpan.FromMilliseconds(50), limiter.Reserve("100000000000001", 10));
    }

    [Theory]
    [InlineData(null, false, 80)]
    [InlineData(1000, false, 1000)]
    [InlineData(250, false, 250)]
    [InlineData(null, true, 20)]
    [InlineData(1000, true, 20)]
    [InlineData(5, true, 5)]
    [InlineData(5000, false, 1000)]
    public void A_number_sends_at_its_own_rate_and_coexistence_numbers_at_20(int? configured, bool coexistence, int expected)
        => Assert.Equal(expected, new ProxyNumber { MessagesPerSecond = configured, Coexistence = coexistence }.EffectiveMessagesPerSecond());
}
