using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BowInbox.Web.Hardening;

/// <summary>
/// Behind a TLS-terminating proxy: the client address and scheme the proxy forwards (<c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c>) are believed only from the proxies and networks named in <c>ForwardedHeaders</c>
/// (loopback always). The request then counts as HTTPS, so cookies are <c>Secure</c> and HSTS is sent, and rate limits
/// see the real client address.
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static void AddProxySupport(this WebApplicationBuilder builder)
    {
        var proxies = Values(builder.Configuration, "KnownProxies")
            .Select(value => IPAddress.TryParse(value, out var address) ? address : throw Invalid("KnownProxies", value))
            .ToList();
        var networks = Values(builder.Configuration, "KnownNetworks")
            .Select(value => System.Net.IPNetwork.TryParse(value, out var network) ? network : throw Invalid("KnownNetworks", value))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    // A list in JSON (an array) or in one environment variable (comma-separated): ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        return (section.Value ?? "").Split(',')
            .Concat(section.GetChildren().Select(child => child.Value ?? ""))
            .Select(value => value.Trim())
            .Where(value => value.Length > 0);
    }

    private static InvalidOperationException Invalid(string key, string value)
        => new($"Setting '{Section}:{key}' holds '{value}', which is not an IP {(key == "KnownProxies" ? "address" : "network such as 10.0.0.0/8")}.");
}
