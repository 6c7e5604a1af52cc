using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Live;

public sealed class RefreshThrottleTests
{
    private readonly FakeTimeProvider time = new();
    private int refreshes;

    private RefreshThrottle Throttle() => new(TimeSpan.FromSeconds(1), time, () =>
    {
        Interlocked.Increment(ref refreshes);
        return Task.CompletedTask;
    }, ex => throw ex);

    [Fact]
    public async Task The_first_change_refreshes_at_once_and_a_burst_becomes_one_refresh_at_the_intervals_end()
    {
        using var throttle = Throttle();

        await throttle.RequestAsync();
        Assert.Equal(1, refreshes);

        for (var i = 0; i < 50; i++)
        {
            await throttle.RequestAsync();
        }

        Assert.Equal(1, refreshes);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, refreshes);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => Volatile.Read(ref refreshes) == 2, "the burst's one refresh");

        // Nothing more was asked for: nothing more happens.
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task A_change_after_a_quiet_interval_refreshes_at_once()
    {
        using var throttle = Throttle();
        await throttle.RequestAsync();
        time.Advance(TimeSpan.FromSeconds(2));

        await throttle.RequestAsync();

        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task A_disposed_view_is_not_refreshed_by_a_refresh_it_had_scheduled()
    {
        var throttle = Throttle();
        await throttle.RequestAsync();
        await throttle.RequestAsync();

        throttle.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));
        await throttle.RequestAsync();

        Assert.Equal(1, refreshes);
    }
}
