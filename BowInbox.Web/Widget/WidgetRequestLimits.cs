using System.Threading.RateLimiting;
using BowInbox.Web.Hardening;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Widget;

/// <summary>
/// The widget's endpoints are open to anyone on an allowed website, so each request counts against its address and,
/// when it carries one, its visitor token; either limit refuses it. Disposed with the app (its timers would outlive it).
/// </summary>
public sealed class WidgetRequestLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> perAddress;
    private readonly PartitionedRateLimiter<HttpContext> perVisitor;

    public WidgetRequestLimits(IOptions<WidgetOptions> options)
    {
        var limits = options.Value;
        perAddress = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            "widget-address:" + RateLimitSetup.ClientAddress(http), _ => Window(limits.RequestsPerAddressPerMinute)));
        perVisitor = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Headers[WidgetVisitorTokens.Header].ToString() is { Length: > 0 } token
            ? RateLimitPartition.GetFixedWindowLimiter("widget-visitor:" + token, _ => Window(limits.RequestsPerVisitorPerMinute))
            : RateLimitPartition.GetNoLimiter("widget-no-visitor"));
        Limiter = PartitionedRateLimiter.CreateChained(perAddress, perVisitor);
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        Limiter.Dispose();
        perVisitor.Dispose();
        perAddress.Dispose();
    }
}
