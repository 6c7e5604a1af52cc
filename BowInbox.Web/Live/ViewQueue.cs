using System.Threading.Channels;

namespace BowInbox.Web.Live;

/// <summary>
/// One viewer's own queue of changes (a circuit's live inbox): the publisher only writes to it and never waits for
/// the viewer's database reads and re-renders. A viewer that falls <see cref="Capacity"/> changes behind loses the
/// oldest; it re-reads the database on the next change, so nothing it shows is lost for good. A failing handler is
/// logged and the next change is handled as usual. Disposing stops the reader; what is still queued is dropped.
/// </summary>
public sealed class ViewQueue<TEvent> : IDisposable
{
    /// <summary>Changes one viewer may fall behind before the oldest is dropped.</summary>
    public const int Capacity = 64;

    private readonly Channel<TEvent> queue = Channel.CreateBounded<TEvent>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropOldest,
    });

    private readonly CancellationTokenSource stopping = new();
    private readonly Func<TEvent, Task> handler;
    private readonly Action<Exception> onFailure;
    private readonly Task reader;

    public ViewQueue(Func<TEvent, Task> handler, Action<Exception> onFailure)
    {
        this.handler = handler;
        this.onFailure = onFailure;
        reader = Task.Run(ReadAsync);
    }

    /// <summary>Queues the change and returns at once; false once the queue is disposed.</summary>
    public bool Enqueue(TEvent change) => queue.Writer.TryWrite(change);

    /// <summary>Completes when the reader has stopped (after <see cref="Dispose"/>).</summary>
    public Task Completion => reader;

    private async Task ReadAsync()
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopping.Token))
            {
                while (!stopping.IsCancellationRequested && queue.Reader.TryRead(out var change))
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
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed: the viewer has gone.
        }
    }

    public void Dispose()
    {
        if (queue.Writer.TryComplete())
        {
            stopping.Cancel();
        }
    }
}
