using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace BowInbox.Web.Live;

/// <summary>
/// With the Redis backplane on, reports whether its server answers. Degraded, not unhealthy, when it does not: this
/// server still works for everyone connected to it, only its live pushes stop reaching the other servers' clients.
/// </summary>
public sealed class RedisBackplaneHealth(RedisBackplaneConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.GetAsync()).GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis backplane answers in {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis backplane unreachable: live updates from this server do not reach the clients of other servers", ex);
        }
    }
}
