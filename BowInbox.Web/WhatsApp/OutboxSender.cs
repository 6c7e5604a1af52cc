using System.Collections.Concurrent;
using System.Threading.Channels;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Sends outbox rows. A row is claimed by one atomic UPDATE before it is sent, so two senders (or two
/// app instances) never send it twice; retryable errors are retried with back-off, others fail visibly.
/// Sends are pipelined: up to <see cref="WhatsAppOptions.MaxSendsInFlight"/> wait on the Graph API at once,
/// more rows are claimed as soon as any of them is answered, and answers are recorded in batches as they come,
/// so one slow answer holds up neither the next claim nor the recording of the others.
/// A recipient's messages keep their order: a send to someone waits for the answer to the one before it from the same
/// number, and goes back to waiting, unsent, when that one is to be retried; the claim then holds it back until the retry.
/// </summary>
internal sealed class OutboxSender(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    IServiceScopeFactory scopes,
    INumberProtector numbers,
    OutboxSignal signal,
    WhatsAppHealth health,
    OutboxRecorder recorder,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Rows claimed by one UPDATE at most.</summary>
    public const int BatchSize = 64;

    /// <summary>Answers recorded by one write at most.</summary>
    public const int RecordBatchSize = 256;

    /// <summary>How long a claim lasts; a send still unfinished after it was cut off by a crash.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan InterruptedCheckInterval = TimeSpan.FromSeconds(5);

    // Compiled: a claim runs for every few sends, and a compiled query skips re-reading its LINQ each time.
    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, IAsyncEnumerable<long>>> DueIds = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, int max) => db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now).OrderBy(o => o.Id).Select(o => o.Id).Take(max)));

    // A recipient's messages keep their order. Their next row is held back while one of theirs waits for its retry
    // (a due one is claimed first, being older) or is being sent by another sender (another server); behind this
    // sender's own sends it waits in memory instead (see Start). Read once per claim, by the status index: usually
    // there are none, and a check per due row cost 26 times the claim's own read with a backlog of 300 rows.
    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, string, IAsyncEnumerable<string>>> HeldRecipients = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, string ownClaims) => db.Outbox
            .Where(o => o.RecipientHash != null
                && ((o.Status == OutboxStatus.Pending && o.NextAttemptAt > now) || (o.Status == OutboxStatus.Sending && !o.LockedBy!.StartsWith(ownClaims))))
            .Select(o => o.RecipientHash!).Distinct()));

    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, List<string>, IAsyncEnumerable<long>>> DueIdsExcept = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, int max, List<string> held) => db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now && (o.RecipientHash == null || !held.Contains(o.RecipientHash)))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, IAsyncEnumerable<OutboxMessage>>> ClaimedBy = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string claim) => db.Outbox.AsNoTracking().Where(o => o.LockedBy == claim && o.Status == OutboxStatus.Sending)));

    /// <summary>Starts every claim id of this sender, so its claims are told from another sender's.</summary>
    private readonly string ownClaims = Guid.NewGuid().ToString("N")[..16] + "-";

    /// <summary>Sends waiting on the Graph API, by outbox row.</summary>
    private readonly ConcurrentDictionary<long, Task> inFlight = new();

    /// <summary>
    /// The last send started to each recipient from each of our numbers, until it is answered; it comes true when the
    /// next send to them may go (this one went, or failed for good).
    /// </summary>
    private readonly ConcurrentDictionary<(string From, string To), Task<bool>> lastSendTo = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capacity = options.Value.MaxSendsInFlight;
        using var slots = new SemaphoreSlim(capacity, capacity);
        var answered = Channel.CreateUnbounded<(OutboxMessage Row, SendOutcome? Outcome)>(new UnboundedChannelOptions { SingleReader = true });
        var recording = RecordAnswersAsync(answered.Reader, slots);
        var lastInterruptedCheck = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var taken = 0;
                var claimed = 0;
                try
                {
                    if (time.GetUtcNow() - lastInterruptedCheck >= InterruptedCheckInterval)
                    {
                        await recorder.FailInterruptedAsync(stoppingToken);
                        lastInterruptedCheck = time.GetUtcNow();
                    }

                    taken = await TakeSlotsAsync(slots, stoppingToken);
                    var rows = await ClaimAsync(taken, stoppingToken);
                    claimed = rows.Count;
                    foreach (var row in rows)
                    {
                        // Started here in claim order, which is the order the rows were written. Tracked before it
                        // starts: a send that finishes at once removes itself, and the update then finds nothing to replace.
                        inFlight[row.Id] = Task.CompletedTask;
                        inFlight.TryUpdate(row.Id, Start(row, answered.Writer, slots, stoppingToken), Task.CompletedTask);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Outbox loop failed; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                }
                finally
                {
                    if (taken > claimed)
                    {
                        slots.Release(taken - claimed);
                    }
                }

                if (claimed < taken || claimed == 0)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
        finally
        {
            // Sends cut off by the stop stay claimed and are failed, not resent, after their lease (a restart
            // cannot know whether Meta got them); every answer that did come is recorded before the loop ends.
            await Task.WhenAll(inFlight.Values).ContinueWith(_ => { }, CancellationToken.None);
            answered.Writer.TryComplete();
            await recording;
        }
    }

    /// <summary>Waits for one free slot, then takes as many more as are free, up to a claim's worth.</summary>
    private static async Task<int> TakeSlotsAsync(SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        var taken = 1;
        while (taken < BatchSize && slots.Wait(0, CancellationToken.None))
        {
            taken++;
        }

        return taken;
    }

    /// <summary>Starts a row's send, behind the send before it to the same recipient (read receipts keep no order).</summary>
    private Task Start(OutboxMessage row, ChannelWriter<(OutboxMessage, SendOutcome?)> answered, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        if (row.RecipientHash is null)
        {
            return SendAndReportAsync(row, null, answered, slots, cancellationToken);
        }

        var recipient = (row.FromPhoneNumberId, row.RecipientHash);
        var send = SendAndReportAsync(row, lastSendTo.GetValueOrDefault(recipient), answered, slots, cancellationToken);
        lastSendTo[recipient] = send;
        send.ContinueWith(done => lastSendTo.TryRemove(KeyValuePair.Create(recipient, done)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return send;
    }

    /// <returns>Whether the next send to the same recipient may go: this one went, or failed and will not be retried.</returns>
    private async Task<bool> SendAndReportAsync(
        OutboxMessage row, Task<bool>? before, ChannelWriter<(OutboxMessage, SendOutcome?)> answered, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            if (before is not null && !await before)
            {
                // The message before it waits for a retry (or was cut off by a stop): this one goes back, unsent.
                answered.TryWrite((row, null));
                return false;
            }

            var outcome = await SendOneAsync(row, cancellationToken);
            answered.TryWrite((row, outcome));
            return outcome.Failure is not { } failure || !SendErrorPolicy.ShouldRetry(failure, row.Attempts + 1);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the row stays claimed (see ExecuteAsync).
            slots.Release();
            return false;
        }
        finally
        {
            inFlight.TryRemove(row.Id, out _);
        }
    }

    /// <summary>Records answers in batches of whatever has come in; a slot is freed once its answer is written down.</summary>
    private async Task RecordAnswersAsync(ChannelReader<(OutboxMessage Row, SendOutcome? Outcome)> answered, SemaphoreSlim slots)
    {
        var rows = new List<OutboxMessage>(RecordBatchSize);
        var outcomes = new List<SendOutcome?>(RecordBatchSize);
        while (await answered.WaitToReadAsync(CancellationToken.None))
        {
            rows.Clear();
            outcomes.Clear();
            while (rows.Count < RecordBatchSize && answered.TryRead(out var next))
            {
                rows.Add(next.Row);
                outcomes.Add(next.Outcome);
            }

            await RecordWithRetriesAsync(rows, outcomes);
            slots.Release(rows.Count);
        }
    }

    /// <summary>
    /// The answers are only in memory: a failed write is tried again, so a sent message is not later taken for an
    /// interrupted one. Should every try fail, the rows stay claimed and are failed visibly when their lease ends.
    /// </summary>
    private async Task RecordWithRetriesAsync(List<OutboxMessage> rows, List<SendOutcome?> outcomes)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await recorder.RecordAsync(rows, outcomes, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < 3)
            {
                logger.LogWarning(ex, "Recording {Count} outbox answer(s) failed (attempt {Attempt}); trying again", rows.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Recording {Count} outbox answer(s) failed; their rows stay claimed until the lease ends", rows.Count);
                return;
            }
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var held = await HeldRecipients.For(db)(db, now, ownClaims).ToListAsync(cancellationToken);
        var due = held.Count == 0
            ? await DueIds.For(db)(db, now, max).ToListAsync(cancellationToken)
            : await DueIdsExcept.For(db)(db, now, max, held).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The status condition is re-checked inside the UPDATE: of two racing claimers only one changes a row.
        var claim = ownClaims + Guid.NewGuid().ToString("N");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => due.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.LockedBy, claim).SetProperty(o => o.LockedUntil, now + Lease), cancellationToken);
        }

        // In the order they were written, so a recipient's sends are started in turn (the query reads them by status,
        // in no set order; they are few, so they are sorted here).
        var claimed = await ClaimedBy.For(db)(db, claim).ToListAsync(cancellationToken);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private async Task<SendOutcome> SendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<IWhatsAppClient>();
            var stored = row.PayloadJson;
            if (row.Kind == OutboxKind.Media && OutboundPayloads.MediaOf(stored) is { } media)
            {
                // A media id works only for the number that holds it: copy it to the sending number, on every attempt
                // (the download URL lives minutes, so nothing is fetched ahead of the send).
                var download = await client.DownloadMediaAsync(media.MediaId, cancellationToken);
                var upload = download.Content is null ? null : await client.UploadMediaAsync(row.FromPhoneNumberId, download.Content, cancellationToken);
                if (upload?.MediaId is null)
                {
                    return new SendOutcome(null, download.Failure ?? upload?.Failure);
                }

                stored = OutboundPayloads.WithMediaId(stored, upload.MediaId);
            }

            var payload = row.Kind == OutboxKind.MarkRead
                ? stored
                : OutboundPayloads.WithRecipient(stored, numbers.Unprotect(row.ToProtected));
            var outcome = await client.SendAsync(row.FromPhoneNumberId, payload, cancellationToken);
            health.Report(outcome);
            return outcome;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Outbox row {OutboxId} could not be sent", row.Id);
            return new SendOutcome(null, SendFailure.NetworkFailure(ex.GetType().Name));
        }
    }

}
