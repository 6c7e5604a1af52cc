namespace BowInbox.Core.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 30 s after the first failure, doubling each time up to 4 h between tries,
/// for 24 h from the event; past that it is dead-lettered.
/// </summary>
public static class WebhookRetrySchedule
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(4);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    /// <summary>The next try after <paramref name="failedAttempts"/> failures, or null when the delivery is dead-lettered.</summary>
    public static DateTime? NextAttempt(DateTime createdAt, int failedAttempts, DateTime now)
    {
        var doublings = Math.Min(Math.Max(failedAttempts - 1, 0), 20);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << doublings, MaxDelay.Ticks));
        var next = now + delay;
        return next - createdAt > GiveUpAfter ? null : next;
    }
}
