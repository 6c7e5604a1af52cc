using System.Threading.Channels;

namespace BowInbox.Web.Live;

/// <summary>
/// A background listener on <see cref="InboxEvents"/> that never slows the publisher: <see cref="TrySelect"/>
/// picks what to queue, and one reader handles the queue in order, taking whatever has queued up as one batch
/// (so a listener may do the work once for several changes). A failing item is logged and skipped; what
/// listeners keep is a view of the database that the next change (or a job) repairs.
/// </summary>
/// <param name="capacity">Bounded queues drop (and log) when full; null never drops.</param>
public abstract class InboxEventWorker<TItem>(InboxEvents events, ILogger logger, int? capacity) : BackgroundService
{
    private readonly Channel<TItem> queue = capacity is { } bound
        ? Channel.CreateBounded<TItem>(new BoundedChannelOptions(bound) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
        : Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleReader = true });

    private IDisposable? subscription;

    protected InboxEvents Events { get; } = events;

    /// <summary>False keeps the worker from subscribing and reading at all.</summary>
    protected virtual bool Enabled => true;

    protected abstract bool TrySelect(InboxChange change, out TItem item);

    /// <summary>Items taken from the queue at once, at most.</summary>
    public const int MaxBatch = 256;

    protected abstract Task HandleAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>Handles what queued up together, in order; by default one item at a time, each distinct item once.</summary>
    protected virtual async Task HandleBatchAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in Distinct ? items.Distinct() : items)
        {
            try
            {
                await HandleAsync(item, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Worker} could not handle {Item}", GetType().Name, item);
            }
        }
    }

    /// <summary>
    /// True when handling an item twice in a row does nothing more than handling it once (it re-reads the
    /// database), so duplicates that queued up together are handled once.
    /// </summary>
    protected virtual bool Distinct => false;

    /// <summary>Runs once before the queue is read, e.g. to queue work a previous run left unfinished.</summary>
    protected virtual Task BeforeReadingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected void Enqueue(TItem item)
    {
        if (!queue.Writer.TryWrite(item))
        {
            logger.LogWarning("{Worker} is {Capacity} items behind; {Item} was dropped", GetType().Name, capacity, item);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return Task.CompletedTask;
        }

        subscription = Events.Subscribe(change =>
        {
            if (TrySelect(change, out var item))
            {
                Enqueue(item);
            }

            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        subscription?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await BeforeReadingAsync(stoppingToken);
        var batch = new List<TItem>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await HandleBatchAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Worker} could not handle {Count} change(s)", GetType().Name, batch.Count);
            }

            batch.Clear();
        }
    }
}
