using System.Net;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Observability;

/// <summary>Who may read <see cref="ObservabilitySetup.MetricsPath"/>: signed-in Admins, and callers from the configured networks.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>CIDR ranges (e.g. the Prometheus server's, "10.0.5.0/24") allowed to scrape without signing in.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Off, no OpenTelemetry pipeline runs (no export, no <c>/metrics</c>): for hosts that are only tested.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Guards the scrape endpoint: an allowed network or an Admin goes through; anyone else gets 401 (not signed in) or 403,
/// never the login page's redirect (a scraper follows no redirects).
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public static MetricsAccess From(MetricsOptions options)
    {
        var networks = new List<IPNetwork>();
        foreach (var cidr in options.AllowedNetworks.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (!IPNetwork.TryParse(cidr.Trim(), out var network))
            {
                throw new InvalidOperationException($"{MetricsOptions.Section}:AllowedNetworks holds \"{cidr}\", which is not a CIDR range such as 10.0.5.0/24.");
            }

            networks.Add(network);
        }

        return new MetricsAccess(networks);
    }

    public bool FromAllowedNetwork(IPAddress? caller)
    {
        if (caller is null)
        {
            return false;
        }

        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return allowed.Any(network => network.Contains(address));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (FromAllowedNetwork(context.Connection.RemoteIpAddress) || context.User.IsInRole(Roles.Admin))
        {
            await next(context);
            return;
        }

        var signedIn = context.User.Identity?.IsAuthenticated == true;
        context.Response.StatusCode = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsync(signedIn ? "Metrics are for Admins." : "Sign in as an Admin, or scrape from an allowed network.");
    }
}
