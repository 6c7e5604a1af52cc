using System.Collections.Concurrent;
using System.Threading.Channels;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Observability;
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
    SendingNumbers sendingNumbers,
    ISendRateLimiter rateLimiter,
    BowInbox.Web.Sms.SmsOutbox sms,
    IOptions<WhatsAppOptions> options,
    TimeProvider time,
    InboxMetrics metrics,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Rows claimed by one UPDATE at most.</summary>
    public const int BatchSize = 64;

    /// <summary>Answers recorded by one write at most.</summary>
    public const int RecordBatchSize = 256;

    private static readonly TimeSpan InterruptedCheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On a graceful stop, how long sends already at the Graph API may still take to be answered. Without it every stop
    /// (a deploy, a scale-in) left its in-flight sends claimed, and each recipient's queue behind them waited out the lease.
    /// </summary>
    public static readonly TimeSpan StopDrain = TimeSpan.FromSeconds(10);

    private readonly OutboxClaims claims = new(contexts, gate, time, TimeSpan.FromSeconds(options.Value.SendLeaseSeconds));

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

        // Sends already started finish on a stop (within StopDrain); only a crash leaves them to the lease.
        using var drain = new CancellationTokenSource();
        using var draining = stoppingToken.Register(() => drain.CancelAfter(StopDrain));
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
                    var rows = await claims.ClaimAsync(taken, stoppingToken);
                    claimed = rows.Count;
                    foreach (var row in rows)
                    {
                        // Started here in claim order, which is the order the rows were written. Tracked before it
                        // starts: a send that finishes at once removes itself, and the update then finds nothing to replace.
                        inFlight[row.Id] = Task.CompletedTask;
                        inFlight.TryUpdate(row.Id, Start(row, answered.Writer, slots, stoppingToken, drain.Token), Task.CompletedTask);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    OutboxLog.LoopFailed(logger, ex);
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
            // Sends still unanswered after the drain stay claimed and are failed, not resent, after their lease (a
            // restart cannot know whether Meta got them); every answer that did come is recorded before the loop ends.
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
    private Task Start(OutboxMessage row, ChannelWriter<(OutboxMessage, SendOutcome?)> answered, SemaphoreSlim slots, CancellationToken stopping, CancellationToken drained)
    {
        if (row.RecipientHash is null)
        {
            return SendAndReportAsync(row, null, answered, slots, stopping, drained);
        }

        var recipient = (row.FromPhoneNumberId, row.RecipientHash);
        var send = SendAndReportAsync(row, lastSendTo.GetValueOrDefault(recipient), answered, slots, stopping, drained);
        lastSendTo[recipient] = send;
        send.ContinueWith(done => lastSendTo.TryRemove(KeyValuePair.Create(recipient, done)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return send;
    }

    /// <returns>Whether the next send to the same recipient may go: this one went, or failed and will not be retried.</returns>
    private async Task<bool> SendAndReportAsync(
        OutboxMessage row, Task<bool>? before, ChannelWriter<(OutboxMessage, SendOutcome?)> answered, SemaphoreSlim slots, CancellationToken stopping, CancellationToken drained)
    {
        try
        {
            if (before is not null && !await before)
            {
                // The message before it waits for a retry (or was cut off by a stop): this one goes back, unsent.
                answered.TryWrite((row, null));
                return false;
            }

            if (stopping.IsCancellationRequested)
            {
                // Its turn came after the stop: it goes back unsent, for whichever server runs next.
                answered.TryWrite((row, null));
                return false;
            }

            metrics.OutboxSendStarted();
            var started = time.GetTimestamp();
            SendOutcome outcome;
            try
            {
                outcome = await SendOneAsync(row, drained);
            }
            catch (OperationCanceledException)
            {
                metrics.OutboxSendAbandoned();
                throw;
            }

            metrics.OutboxSendEnded(row.Kind, outcome.Failure, time.GetElapsedTime(started));
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
                OutboxLog.RecordRetry(logger, ex, rows.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                OutboxLog.RecordFailed(logger, ex, rows.Count);
                return;
            }
        }
    }

    private async Task<SendOutcome> SendOneAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            // A number Meta restricted sends nothing more (see SendingNumbers); the others keep to their rate.
            var sending = await sendingNumbers.ForAsync(row.FromPhoneNumberId, cancellationToken);
            if (sending.Stopped)
            {
                return new SendOutcome(null, SendFailure.SendingStopped(sending.StoppedCode));
            }

            if (row.Kind != OutboxKind.MarkRead && await rateLimiter.ReserveAsync(row.FromPhoneNumberId, sending.MessagesPerSecond, cancellationToken) is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken); // wall-clock, like the limiter's slots
            }

            if (sending.Sms)
            {
                // The same claim, order and retry rules; only the transport differs.
                return await sms.SendAsync(row, cancellationToken);
            }

            await using var scope = scopes.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<IWhatsAppClient>();
            if (await MarketingConsent.RefusalAsync(contexts, row, cancellationToken) is { } refused)
            {
                return new SendOutcome(null, refused);
            }

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
            if (outcome.Failure is { Kind: SendErrorKind.SendingRestricted } restricted)
            {
                await sendingNumbers.StopAsync(row.FromPhoneNumberId, restricted, CancellationToken.None);
            }

            return outcome;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            OutboxLog.NotSent(logger, ex, row.Id);
            return new SendOutcome(null, SendFailure.NetworkFailure(ex.GetType().Name));
        }
    }

}
