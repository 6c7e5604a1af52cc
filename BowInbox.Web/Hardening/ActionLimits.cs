using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>Whether an action may go ahead now, and if not, how long until it may.</summary>
public readonly record struct Throttle(bool Allowed, TimeSpan RetryAfter)
{
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Limits on actions that happen inside a page rather than as a request of their own: sign-in attempts per address
/// (the login form answers them itself, with a message the user can read) and reveals per user (Blazor calls).
/// </summary>
public sealed class ActionLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> logins;
    private readonly PartitionedRateLimiter<string> reveals;

    public ActionLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        logins = PerMinute(limits.LoginPerIpPerMinute);
        reveals = PerMinute(limits.RevealsPerUserPerMinute);
    }

    public Throttle TrySignIn(HttpContext http) => Acquire(logins, RateLimitSetup.ClientAddress(http));

    public Throttle TryReveal(ClaimsPrincipal user)
        => Acquire(reveals, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "anonymous");

    public void Dispose()
    {
        logins.Dispose();
        reveals.Dispose();
    }

    internal static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static PartitionedRateLimiter<string> PerMinute(int permits)
        => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits)));

    private static Throttle Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return new(true, TimeSpan.Zero);
        }

        return new(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
    }
}
