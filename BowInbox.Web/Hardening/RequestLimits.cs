using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>Marks an endpoint as limited per caller by <see cref="RequestLimits"/>.</summary>
public sealed record RequestLimit(RequestLimitKind Kind);

public enum RequestLimitKind
{
    /// <summary>Per address: the webhook (Meta's servers, or a flood).</summary>
    WebhookPerAddress = 0,

    /// <summary>Per signed-in user: transcript exports.</summary>
    ExportPerUser = 1,

    /// <summary>Per API key: the integration API.</summary>
    ApiPerKey = 2,
}

/// <summary>
/// The request limits of <see cref="RateLimitSetup"/>: one partitioned limiter, keyed by the endpoint's
/// <see cref="RequestLimit"/> and the caller, disposed with the app (its timer would otherwise outlive it).
/// </summary>
public sealed class RequestLimits : IDisposable
{
    public RequestLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.GetEndpoint()?.Metadata.GetMetadata<RequestLimit>()?.Kind switch
        {
            RequestLimitKind.WebhookPerAddress => RateLimitPartition.GetFixedWindowLimiter(
                "webhook:" + RateLimitSetup.ClientAddress(http), _ => ActionLimits.Window(limits.WebhookPerIpPerMinute)),
            RequestLimitKind.ExportPerUser => RateLimitPartition.GetFixedWindowLimiter(
                "export:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? RateLimitSetup.ClientAddress(http)), _ => ActionLimits.Window(limits.ExportsPerUserPerMinute)),
            RequestLimitKind.ApiPerKey => RateLimitPartition.GetFixedWindowLimiter(
                "api:" + (http.User.FindFirstValue(Api.ApiKeyAuthentication.KeyIdClaim) ?? RateLimitSetup.ClientAddress(http)), _ => ActionLimits.Window(limits.ApiRequestsPerKeyPerMinute)),
            _ => RateLimitPartition.GetNoLimiter("unlimited"),
        });
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
