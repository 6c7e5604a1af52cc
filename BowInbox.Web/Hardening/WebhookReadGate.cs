using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>
/// Caps webhook bodies being read before their signature is known: whoever opens slow connections holds at most
/// this many slots, and Meta, answered 503, delivers again later.
/// </summary>
public sealed class WebhookReadGate(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly int capacity = options.Value.WebhookConcurrentReads;
    private readonly SemaphoreSlim slots = new(options.Value.WebhookConcurrentReads);

    /// <summary>Seconds a refused sender is asked to wait.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Bodies being read right now.</summary>
    public int Reading => capacity - slots.CurrentCount;

    public bool TryEnter() => slots.Wait(0);

    public void Exit() => slots.Release();

    public void Dispose() => slots.Dispose();
}
