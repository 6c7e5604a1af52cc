namespace BowInbox.Web.Live;

/// <summary>
/// In-process listeners of one kind of event. Each is called in turn; one that throws is logged by the caller's
/// <paramref name="onFailure"/> and does not stop the others or the publisher.
/// </summary>
public sealed class Listeners<TEvent>
{
    private readonly List<Func<TEvent, Task>> handlers = [];
    private readonly Lock gate = new();

    public IDisposable Subscribe(Func<TEvent, Task> handler)
    {
        lock (gate)
        {
            handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    public async Task NotifyAsync(TEvent change, Action<Exception> onFailure)
    {
        Func<TEvent, Task>[] current;
        lock (gate)
        {
            current = [.. handlers];
        }

        foreach (var handler in current)
        {
            try
            {
                await handler(change);
            }
            catch (Exception ex)
            {
                onFailure(ex);
            }
        }
    }

    private void Unsubscribe(Func<TEvent, Task> handler)
    {
        lock (gate)
        {
            handlers.Remove(handler);
        }
    }

    private sealed class Subscription(Listeners<TEvent> owner, Func<TEvent, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
