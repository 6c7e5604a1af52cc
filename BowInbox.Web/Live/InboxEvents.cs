namespace BowInbox.Web.Live;

/// <summary>What changed, by id only: listeners re-read the database, so nothing shown lives only in an event.</summary>
public abstract record InboxChange(int TicketId);

public sealed record MessageAdded(int TicketId, long MessageId, bool NewTicket) : InboxChange(TicketId);

public sealed record MessageStatusChanged(int TicketId, long MessageId) : InboxChange(TicketId);

public sealed record TicketChanged(int TicketId, string What) : InboxChange(TicketId);

/// <summary>
/// In-process domain events, published after the change is committed. Later features (routing,
/// relay, the live inbox hub) subscribe here instead of being called from the channel.
/// Work on a change (SLA clocks, intake, hub pushes, audit) is done by the server that made it: <see cref="Subscribe"/>
/// hears this server's changes only. What only shows changes (a circuit's live inbox) subscribes with
/// <see cref="SubscribeView"/>, which also hears the other web servers' changes when a backplane relays them, each
/// viewer through its own <see cref="ViewQueue{TEvent}"/>: publishing never waits for a browser.
/// </summary>
public sealed class InboxEvents(ILogger<InboxEvents> logger)
{
    private readonly Listeners<InboxChange> listeners = new();
    private readonly Listeners<InboxChange> views = new();

    /// <summary>This server's changes, to act on.</summary>
    public IDisposable Subscribe(Func<InboxChange, Task> handler) => listeners.Subscribe(handler);

    /// <summary>
    /// Every server's changes, to show. The handler runs on the viewer's own queue, one change at a time, never on
    /// the publisher's path; disposing the subscription stops it.
    /// </summary>
    public IDisposable SubscribeView(Func<InboxChange, Task> handler)
    {
        var queue = new ViewQueue<InboxChange>(handler, ex => logger.LogError(ex, "An inbox view listener failed"));
        var subscription = views.Subscribe(change =>
        {
            queue.Enqueue(change);
            return Task.CompletedTask;
        });
        return new ViewSubscription(subscription, queue);
    }

    // One failing listener must not stop the others or the channel that published.
    public async Task PublishAsync(InboxChange change)
    {
        await listeners.NotifyAsync(change, ex => logger.LogError(ex, "An inbox event listener failed for ticket {TicketId}", change.TicketId));
        await FromOtherServerAsync(change);
    }

    /// <summary>A change another web server made and published: shown here, acted on there.</summary>
    public Task FromOtherServerAsync(InboxChange change)
        => views.NotifyAsync(change, ex => logger.LogError(ex, "An inbox view listener failed for ticket {TicketId}", change.TicketId));

    private sealed class ViewSubscription(IDisposable subscription, ViewQueue<InboxChange> queue) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            queue.Dispose();
        }
    }
}
