using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>
/// ASP.NET Core rate limiting: per address on the webhook, per user on transcript exports, answered 429 with
/// <c>Retry-After</c> and a problem description. Sign-ins and reveals are limited by <see cref="ActionLimits"/>.
/// </summary>
public static class RateLimitSetup
{
    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<WebhookReadGate>();
        services.AddSingleton<ActionLimits>();
        services.AddSingleton<RequestLimits>();
    }

    /// <summary>
    /// Applies <see cref="RequestLimits"/> to every request (after routing and authentication: the endpoint and the user
    /// decide the partition). Not ASP.NET Core's rate-limiting middleware: it builds a limiter of its own that it never
    /// disposes, whose replenishing timer kept every stopped host alive.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        using var lease = http.RequestServices.GetRequiredService<RequestLimits>().Limiter.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            await RejectAsync(http, lease);
            return;
        }

        await next(http);
    });

    /// <summary>The caller's address; behind a known proxy, the one it forwarded (see <see cref="ProxySetup"/>).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests in a short time. Try again in {seconds} seconds.",
            },
        });
    }
}
