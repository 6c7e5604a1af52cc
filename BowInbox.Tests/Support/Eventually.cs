namespace BowInbox.Tests.Support;

/// <summary>Waits for background work (webhook processing, the outbox) to reach a state, or fails with the description.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string description, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out after {timeoutMs} ms waiting for: {description}");
    }

    public static Task TrueAsync(Func<bool> condition, string description, int timeoutMs = 10_000)
        => TrueAsync(() => Task.FromResult(condition()), description, timeoutMs);
}
