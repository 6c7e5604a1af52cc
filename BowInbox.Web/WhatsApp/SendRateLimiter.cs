namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Paces each of our numbers' sends to the rate Meta allows it: every send reserves the number's next free slot,
/// one interval (a second divided by the rate) after the previous one, and waits until then.
/// </summary>
public interface ISendRateLimiter
{
    /// <summary>Reserves the next slot of <paramref name="phoneNumberId"/>; returns how long to wait before sending.</summary>
    ValueTask<TimeSpan> ReserveAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken);
}

/// <summary>The slots of one server, kept in memory (used when no Redis server is configured).</summary>
public sealed class InProcessSendRateLimiter(TimeProvider time) : ISendRateLimiter
{
    private readonly Dictionary<string, long> nextFreeTicks = [];

    public ValueTask<TimeSpan> ReserveAsync(string phoneNumberId, int messagesPerSecond, CancellationToken cancellationToken)
        => ValueTask.FromResult(Reserve(phoneNumberId, messagesPerSecond));

    public TimeSpan Reserve(string phoneNumberId, int messagesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerSecond, 1);
        var interval = TimeSpan.TicksPerSecond / messagesPerSecond;
        var now = time.GetUtcNow().UtcTicks;
        lock (nextFreeTicks)
        {
            var slot = Math.Max(now, nextFreeTicks.GetValueOrDefault(phoneNumberId));
            nextFreeTicks[phoneNumberId] = slot + interval;
            return TimeSpan.FromTicks(slot - now);
        }
    }
}
