using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Hardening;

/// <summary>
/// ASP.NET Core rate limiting: per address on the webhook, per user on transcript exports, answered 429 with
/// <c>Retry-After</c> and a problem description. Sign-ins and reveals are limited by <see cref="ActionLimits"/>.
/// </summary>
public static class RateLimitSetup
{
    public const string WebhookPolicy = "webhook-per-address";
    public const string ExportPolicy = "export-per-user";

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<WebhookReadGate>();
        services.AddSingleton<ActionLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(WebhookPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http), _ => ActionLimits.Window(Limits(http).WebhookPerIpPerMinute)));
            options.AddPolicy(ExportPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(http), _ => ActionLimits.Window(Limits(http).ExportsPerUserPerMinute)));
            options.OnRejected = RejectAsync;
        });
    }

    /// <summary>The caller's address; behind a known proxy, the one it forwarded (see <see cref="ProxySetup"/>).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
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
