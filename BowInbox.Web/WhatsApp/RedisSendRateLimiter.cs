using BowInbox.Web.Live;
using StackExchange.Redis;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// The slots shared by every server through Redis, so several servers together keep a number to its rate. The slot is
/// reserved by one script on Redis's own clock, so servers whose clocks differ still agree. Should Redis be out of
/// reach, this server paces its own sends (<see cref="InProcessSendRateLimiter"/>) until it is back.
/// </summary>
public sealed class RedisSendRateLimiter(RedisBackplaneConnection connection, InProcessSendRateLimiter fallback, TimeProvider time, ILogger<RedisSendRateLimiter> logger) : ISendRateLimiter
{
    public const string KeyPrefix = "BowInbox:send-rate:";

    // Returns the wait in microseconds; the key expires a second after its last slot.
    private const string ReserveScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
        if slot < now then slot = now end
        redis.call('SET', KEYS[1], string.format('%.0f', slot + interval), 'PX', math.floor((slot + interval - now) / 1000) + 1000)
        return slot - now
        """;

    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);
    private long lastWarned = long.MinValue;

    public async ValueTask<TimeSpan> ReserveAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1);
        try
        {
            var redis = await connection.GetAsync();
            var waitMicroseconds = (long)await redis.GetDatabase().ScriptEvaluateAsync(
                ReserveScript, [new RedisKey(KeyPrefix + phoneNumberId)], [1_000_000 / messagesPerSecond]);
            return TimeSpan.FromMicroseconds(waitMicroseconds);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            var now = time.GetTimestamp();
            var last = Interlocked.Read(ref lastWarned);
            if (last == long.MinValue || time.GetElapsedTime(last, now) >= WarnEvery)
            {
                Interlocked.Exchange(ref lastWarned, now);
                logger.LogWarning(ex, "Redis is out of reach: this server paces its own sends until it is back");
            }

            return fallback.Reserve(phoneNumberId, messagesPerSecond);
        }
    }
}
