using System.Linq.Expressions;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Observability;
using BowInbox.Web.Privacy;
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
    StoredPayloads payloads,
    BowInbox.Web.Media.MediaPrescan media,
    WebhookArrivals arrivals,
    TimeProvider time,
    InboxMetrics metrics,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    private const int BatchSize = InboxMetrics.InboundBacklogCap;
    private const int MaxAttempts = 5;

    /// <summary>The next batch of events to process, oldest first (its SQL is checked for an index in the tests).</summary>
    internal static readonly Expression<Func<InboxDbContext, IQueryable<PendingEvent>>> PendingQuery =
        db => db.InboundEvents.Where(e => e.ProcessedAt == null).OrderBy(e => e.Id).Select(e => new PendingEvent(e.Id, e.Payload)).Take(BatchSize);

    private static readonly CompiledPerProvider<Func<InboxDbContext, IAsyncEnumerable<PendingEvent>>> Pending = new(() => EF.CompileAsyncQuery(PendingQuery));

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
                InboundLog.LoopFailed(logger, ex);
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
        // Read, decrypted and parsed outside the write lock: a stored payload never changes (whether it is still pending is checked inside).
        var events = new List<ParsedEvent>(BatchSize);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await foreach (var pending in Pending.For(db)(db).WithCancellation(cancellationToken))
            {
                events.Add(new ParsedEvent(pending.Id, ParseStored(payloads, pending.Payload)));
            }
        }

        // Files are downloaded and read now, outside the write lock: the relay finds their words when it applies the events.
        await media.ReadAsync(events.SelectMany(e => e.Parsed.Webhook?.Messages ?? []), cancellationToken);
        await arrivals.RecordAsync(events.Select(e => e.Parsed.Webhook), cancellationToken);

        metrics.InboundBacklogObserved(events.Count);
        for (var next = 0; next < events.Count;)
        {
            var remaining = events.GetRange(next, events.Count - next);
            try
            {
                var applied = await handler.ProcessAsync(remaining, cancellationToken);
                metrics.InboundGroupApplied(applied);
                next += applied;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing of the group was applied. Apply its events one by one, so only the one that fails is
                // retried (and parked after too many attempts) while the others go through.
                InboundLog.GroupFailed(logger, ex, remaining.Count);
                await ProcessOneByOneAsync(remaining, cancellationToken);
                next = events.Count;
            }
        }

        return events.Count;
    }

    /// <summary>
    /// The parser reports bad payloads as failures; should it ever throw, that event alone is set aside (with the
    /// exception's type as its error) rather than the whole batch stopping on every pass. The exception's message is
    /// left out: an unexpected one may quote a value from the payload (a phone number), and the error is logged.
    /// A payload that cannot be decrypted (its key ring lost or replaced) is set aside the same way.
    /// </summary>
    private static WebhookParseResult ParseStored(StoredPayloads payloads, string stored)
    {
        string payload;
        try
        {
            payload = payloads.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return WebhookParseResult.Failure("The stored payload could not be decrypted with this key ring.");
        }

        try
        {
            return WebhookPayloadParser.Parse(payload);
        }
        catch (Exception ex)
        {
            return WebhookParseResult.Failure($"The stored payload could not be read ({ex.GetType().Name}).");
        }
    }

    private async Task ProcessOneByOneAsync(List<ParsedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var parsed in events)
        {
            try
            {
                await handler.ProcessAsync([parsed], cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(parsed.Id, ex, cancellationToken);
            }
        }
    }

    private async Task RecordFailureAsync(long id, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inbound = await db.InboundEvents.SingleAsync(e => e.Id == id, cancellationToken);
        inbound.Attempts++;
        // Masked: an unexpected exception's message may quote a value from the payload, and the row is kept for days.
        var reason = BowInbox.Core.Audit.NumberMask.Mask($"{error.GetType().Name}: {error.Message}")!;
        inbound.LastError = reason.Length <= 2000 ? reason : reason[..2000];
        if (inbound.Attempts >= MaxAttempts)
        {
            // Parked, not deleted: the raw event stays for inspection and replay.
            inbound.ProcessedAt = time.GetUtcNow().UtcDateTime;
            InboundLog.Parked(logger, error, id, inbound.Attempts);
        }
        else
        {
            InboundLog.WillRetry(logger, error, id, inbound.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed record PendingEvent(long Id, string Payload);
