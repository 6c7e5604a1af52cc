using Microsoft.Extensions.Options;

namespace BowInbox.Web.Webhooks;

/// <summary>
/// The delivery loop: fans new events out to subscriptions, claims due deliveries and sends them, each ticket's in
/// order. It may die at any moment: an event is fanned out in the transaction that records it as done, a delivery is
/// claimed with a lease and finished in one write, so a crash loses nothing and at worst sends a delivery again.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookFanOut fanOut,
    WebhookDeliveryClaims claims,
    WebhookSender sender,
    WebhookDeliveryRecorder recorder,
    WebhookSecrets secrets,
    WebhookSignal signal,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const int ClaimSize = 32;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var fannedOut = await fanOut.RunAsync(stoppingToken);
                var claimed = await claims.ClaimAsync(ClaimSize, stoppingToken);
                await Task.WhenAll(claimed.Select(d => DeliverAsync(d, stoppingToken)));
                if (fannedOut == 0 && claimed.Count == 0)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Webhook delivery loop failed; retrying");
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: claimed deliveries run out after their lease and go again.
            }
        }
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(delivery.Url, secrets.Unprotect(delivery.SecretProtected), delivery.EventId, delivery.Type, delivery.Body, cancellationToken);
        await recorder.RecordAsync(delivery, result, cancellationToken);
    }
}
