using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace BowInbox.Web.Alerts;

/// <summary>
/// Tells supervisors about an alert that is already committed: over the inbox hub to the <see cref="AlertAudience"/>
/// groups only, and in-process to the circuits' feeds (<see cref="AlertFeed{TEvent}"/>).
/// Behind a backplane the hub push reaches every server by itself; the circuits' feeds on the other servers hear the
/// alert through <see cref="SubscribeOutgoing"/> on this server and <see cref="FromOtherServerAsync"/> on theirs.
/// </summary>
public abstract class AlertBroadcast<TEvent>(IHubContext<InboxHub> hub, string clientMethod, ILogger logger)
{
    private readonly Listeners<TEvent> listeners = new();
    private readonly Listeners<TEvent> outgoing = new();

    /// <summary>Every server's alerts, to show.</summary>
    public IDisposable Subscribe(Func<TEvent, Task> handler) => listeners.Subscribe(handler);

    /// <summary>This server's alerts only, to pass on to the other servers.</summary>
    public IDisposable SubscribeOutgoing(Func<TEvent, Task> handler) => outgoing.Subscribe(handler);

    /// <summary>An alert another web server broadcast: its hub push came through the backplane, so only the feeds here hear it.</summary>
    public Task FromOtherServerAsync(TEvent change)
        => listeners.NotifyAsync(change, ex => logger.LogDebug(ex, "An alert listener failed for an alert of another server"));

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
        await outgoing.NotifyAsync(change, ex => logger.LogDebug(ex, "Alert {AlertId} was not passed on to the other servers", alertId));
    }
}
