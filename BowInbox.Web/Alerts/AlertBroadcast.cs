using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace BowInbox.Web.Alerts;

/// <summary>
/// Tells supervisors about an alert that is already committed: over the inbox hub to the <see cref="AlertAudience"/>
/// groups only, and in-process to the circuits' feeds (<see cref="AlertFeed{TEvent}"/>).
/// </summary>
public abstract class AlertBroadcast<TEvent>(IHubContext<InboxHub> hub, string clientMethod, ILogger logger)
{
    private readonly Listeners<TEvent> listeners = new();

    public IDisposable Subscribe(Func<TEvent, Task> handler) => listeners.Subscribe(handler);

    protected async Task BroadcastAsync(TEvent change, long alertId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Groups(AlertAudience.HubGroups).SendAsync(clientMethod, change, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Alert {AlertId} was not pushed to the hub", alertId);
        }

        await listeners.NotifyAsync(change, ex => logger.LogDebug(ex, "An alert listener failed for alert {AlertId}", alertId));
    }
}
