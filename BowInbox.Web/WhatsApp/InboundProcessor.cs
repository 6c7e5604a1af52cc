using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Processes stored webhook events in arrival order. Started with the app, it first picks up whatever
/// a previous run stored but never processed; afterwards it wakes on each new event or every second.
/// </summary>
internal sealed class InboundProcessor(
    IDbContextFactory<InboxDbContext> contexts,
    InboundEventHandler handler,
    InboundSignal signal,
    TimeProvider time,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 5;

    private static readonly CompiledPerProvider<Func<InboxDbContext, IAsyncEnumerable<long>>> PendingIds = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db) => db.InboundEvents.Where(e => e.ProcessedAt == null).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                processed = await ProcessBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Inbound processing loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }

            if (processed < BatchSize)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Processes up to one batch of pending events; returns how many it looked at.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await PendingIds.For(db)(db).ToListAsync(cancellationToken);
        }

        for (var next = 0; next < ids.Count;)
        {
            var remaining = ids.GetRange(next, ids.Count - next);
            try
            {
                next += await handler.ProcessAsync(remaining, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing of the group was applied. Apply its events one by one, so only the one that fails is
                // retried (and parked after too many attempts) while the others go through.
                logger.LogDebug(ex, "A group of {Count} inbound events failed; applying them one by one", remaining.Count);
                await ProcessOneByOneAsync(remaining, cancellationToken);
                next = ids.Count;
            }
        }

        return ids.Count;
    }

    private async Task ProcessOneByOneAsync(List<long> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            try
            {
                await handler.ProcessAsync([id], cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(id, ex, cancellationToken);
            }
        }
    }

    private async Task RecordFailureAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inbound = await db.InboundEvents.SingleAsync(e => e.Id == id, cancellationToken);
        inbound.Attempts++;
        var reason = $"{error.GetType().Name}: {error.Message}";
        inbound.LastError = reason.Length <= 2000 ? reason : reason[..2000];
        if (inbound.Attempts >= MaxAttempts)
        {
            // Parked, not deleted: the raw event stays for inspection and replay.
            inbound.ProcessedAt = time.GetUtcNow().UtcDateTime;
            logger.LogError(error, "Inbound event {EventId} failed {Attempts} times and is parked", id, inbound.Attempts);
        }
        else
        {
            logger.LogWarning(error, "Inbound event {EventId} failed (attempt {Attempts}); will retry", id, inbound.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
