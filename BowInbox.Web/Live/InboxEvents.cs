namespace BowInbox.Web.Live;

/// <summary>What changed, by id only: listeners re-read the database, so nothing shown lives only in an event.</summary>
public abstract record InboxChange(int TicketId);

public sealed record MessageAdded(int TicketId, long MessageId, bool NewTicket) : InboxChange(TicketId);

public sealed record MessageStatusChanged(int TicketId, long MessageId) : InboxChange(TicketId);

public sealed record TicketChanged(int TicketId, string What) : InboxChange(TicketId);

/// <summary>
/// In-process domain events, published after the change is committed. Later features (routing,
/// relay, the live inbox hub) subscribe here instead of being called from the channel.
/// </summary>
public sealed class InboxEvents(ILogger<InboxEvents> logger)
{
    private readonly Listeners<InboxChange> listeners = new();

    public IDisposable Subscribe(Func<InboxChange, Task> handler) => listeners.Subscribe(handler);

    // One failing listener must not stop the others or the channel that published.
    public Task PublishAsync(InboxChange change)
        => listeners.NotifyAsync(change, ex => logger.LogError(ex, "An inbox event listener failed for ticket {TicketId}", change.TicketId));
}
