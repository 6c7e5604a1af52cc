using System.Threading.Channels;
using BowInbox.Core.Channel;
using BowInbox.Data;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Stores accepted webhooks by group commit: each caller waits until the transaction holding its event has
/// committed (so a 200 to Meta still means "stored"), but webhooks arriving together share one transaction
/// instead of queueing one by one for the database's write lock. The payload is encrypted before it is queued
/// (<see cref="StoredPayloads"/>): no number in it reaches the database in clear.
/// </summary>
public sealed class InboundEventStore(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    InboundSignal signal,
    StoredPayloads payloads,
    TimeProvider time,
    ILogger<InboundEventStore> logger) : BackgroundService
{
    /// <summary>Events per commit (one INSERT statement) at most; a burst larger than this takes several commits.</summary>
    public const int MaxGroup = 256;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Returns once the event is committed; throws when it could not be stored (the caller answers 5xx and Meta retries).</summary>
    public async Task StoreAsync(string payload, CancellationToken cancellationToken)
    {
        var pending = new Pending(new InboundEvent { Payload = payloads.Protect(payload), DeliveryHash = DeliveryHash(payload), ReceivedAt = time.GetUtcNow().UtcDateTime });
        await queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The same bytes from Meta give the same hash; the payload is stored encrypted, so it cannot be compared.</summary>
    public static string DeliveryHash(string payload) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(payload)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroup && queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }

                await CommitAsync(group, stoppingToken);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Anything not written when the app stops is refused, not silently dropped: Meta delivers it again.
            queue.Writer.TryComplete();
            foreach (var left in group.Concat(Drain()))
            {
                left.Stored.TrySetException(new InvalidOperationException("The app is stopping; the webhook was not stored."));
            }
        }
    }

    private async Task CommitAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = group.ConvertAll(p => p.Event);
            using (await gate.EnterUrgentAsync(cancellationToken))
            {
                await InboundEventRows.InsertAsync(db, rows, cancellationToken);
            }

            foreach (var pending in group)
            {
                pending.Stored.TrySetResult();
            }

            signal.Notify();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            InboundLog.NotStored(logger, ex, group.Count);
            foreach (var pending in group)
            {
                pending.Stored.TrySetException(ex);
            }
        }
    }

    private IEnumerable<Pending> Drain()
    {
        while (queue.Reader.TryRead(out var left))
        {
            yield return left;
        }
    }

    private sealed record Pending(InboundEvent Event)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
