using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Logging.Abstractions;

namespace BowInbox.Tests.RealServers;

/// <summary>Two servers' limiters on one Redis server keep a number to one shared pace. Needs BOWINBOX_REDIS.</summary>
[Trait("Category", "RealServer")]
public sealed class RedisSendRateTests
{
    [Fact]
    public async Task Two_servers_share_one_numbers_slots()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        await using var firstConnection = new RedisBackplaneConnection(redis!);
        await using var secondConnection = new RedisBackplaneConnection(redis!);
        var first = Limiter(firstConnection);
        var second = Limiter(secondConnection);
        var number = "9" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

        // At 2 a second, four sends from two servers take four half-second slots: the fourth waits about 1.5 s. Each
        // call takes far less than a slot, so the waits only grow.
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            waits.Add(await (i % 2 == 0 ? first : second).ReserveAsync(number, 2, default));
        }

        Assert.True(waits[0] < TimeSpan.FromMilliseconds(100), $"first wait {waits[0]}");
        Assert.True(waits[3] > TimeSpan.FromSeconds(1.2) && waits[3] <= TimeSpan.FromSeconds(1.5), $"fourth wait {waits[3]}");
        Assert.Equal(waits, waits.Order());
    }

    private static RedisSendRateLimiter Limiter(RedisBackplaneConnection connection)
        => new(connection, new InProcessSendRateLimiter(TimeProvider.System), TimeProvider.System, NullLogger<RedisSendRateLimiter>.Instance);
}
