namespace BowInbox.Web.Hardening;

/// <summary>What it takes to face the open internet: rate limits, a proxy in front, refusal of development secrets.</summary>
public static class HardeningSetup
{
    public static void AddHardening(this WebApplicationBuilder builder)
    {
        // First hosted service: nothing starts (not even the migrator) on a known secret.
        builder.Services.AddHostedService<DevelopmentValuesGuard>();
        builder.AddProxySupport();
        builder.AddRateLimits();
    }
}
