using BowInbox.Core.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// At start, without holding it up: warns when the configured Graph API version is near its end of life, and checks
/// that the app is subscribed to each number's WhatsApp Business Account. Failures are logged, not fatal.
/// </summary>
internal sealed class WhatsAppStartupChecks(WabaSubscriptions subscriptions, IOptions<WhatsAppOptions> options, TimeProvider time, ILogger<WhatsAppStartupChecks> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (GraphApiVersions.EndOfLifeWarning(GraphApiVersions.VersionOf(options.Value.EffectiveGraphApiBaseUrl), time.GetUtcNow()) is { } warning)
        {
            logger.LogWarning("{Warning}", warning);
        }

        try
        {
            foreach (var error in await subscriptions.CheckAllAsync(stoppingToken))
            {
                logger.LogWarning("Checking the WhatsApp Business Account subscription failed: {Error}", error);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Checking the WhatsApp Business Account subscriptions failed");
        }
    }
}
