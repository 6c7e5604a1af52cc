using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Sends outbox rows. A row is claimed by one atomic UPDATE before it is sent, so two senders (or two
/// app instances) never send it twice; retryable errors are retried with back-off, others fail visibly.
/// </summary>
internal sealed class OutboxSender(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    IServiceScopeFactory scopes,
    INumberProtector numbers,
    OutboxSignal signal,
    WhatsAppHealth health,
    InboxEvents events,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    public const int BatchSize = 64;

    /// <summary>How long a claim lasts; a send still unfinished after it was cut off by a crash.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await FailInterruptedAsync(stoppingToken);
                sent = await SendBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }

            if (sent < BatchSize)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Claims and sends up to one batch of due rows; returns how many it claimed.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = await Task.WhenAll(claimed.Select(row => SendOneAsync(row, cancellationToken)));
        await RecordAsync(claimed, outcomes, cancellationToken);
        return claimed.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The status condition is re-checked inside the UPDATE: of two racing claimers only one changes a row.
        var claim = Guid.NewGuid().ToString("N");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => due.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.LockedBy, claim).SetProperty(o => o.LockedUntil, now + Lease), cancellationToken);
        }

        return await db.Outbox.AsNoTracking().Where(o => o.LockedBy == claim && o.Status == OutboxStatus.Sending).ToListAsync(cancellationToken);
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

    private async Task RecordAsync(List<OutboxMessage> claimed, SendOutcome[] outcomes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var messageIds = claimed.Where(r => r.MessageId is not null).Select(r => r.MessageId!.Value).ToList();
        var messages = await db.Messages.Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var changes = new List<InboxChange>();

        for (var i = 0; i < claimed.Count; i++)
        {
            var row = claimed[i];
            var outcome = outcomes[i];
            db.Outbox.Attach(row);
            row.Attempts++;
            row.LockedBy = null;
            row.LockedUntil = null;
            var message = row.MessageId is { } id ? messages.GetValueOrDefault(id) : null;

            if (outcome.Succeeded)
            {
                row.Status = OutboxStatus.Sent;
                row.Wamid = outcome.Wamid;
                row.SentAt = now;
                if (message is not null)
                {
                    message.Wamid = outcome.Wamid;
                    message.Status = DeliveryStatusRules.Advance(message.Status, DeliveryStatus.Sent);
                }
            }
            else
            {
                var failure = outcome.Failure!;
                row.LastErrorCode = failure.Code;
                row.LastError = Truncate($"{failure.Title}{(failure.Details is null ? "" : ": " + failure.Details)}", 1000);
                if (SendErrorPolicy.ShouldRetry(failure, row.Attempts))
                {
                    row.Status = OutboxStatus.Pending;
                    row.NextAttemptAt = now + SendErrorPolicy.RetryDelay(row.Attempts, failure.Code);
                    logger.LogWarning("Outbox row {OutboxId} failed with {Code} ({Title}); retry {Attempt} at {Next:O}", row.Id, failure.Code, failure.Title, row.Attempts, row.NextAttemptAt);
                    continue;
                }

                row.Status = OutboxStatus.Failed;
                logger.LogError("Outbox row {OutboxId} failed with {Code} ({Title}); not retried", row.Id, failure.Code, failure.Title);
                if (message is not null)
                {
                    message.Status = DeliveryStatus.Failed;
                    message.ErrorCode = failure.Code;
                    message.ErrorTitle = Truncate(failure.Title, 500);
                }
            }

            if (message is not null)
            {
                changes.Add(new MessageStatusChanged(message.TicketId, message.Id));
            }
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        // Statuses that overtook their send (kept by wamid) are applied now that the wamid is stored.
        var sentWamids = messages.Values.Where(m => m.Wamid is not null).Select(m => m.Wamid!).ToList();
        await DeliveryStatusRecorder.ReconcileAsync(contexts, sentWamids, changes, cancellationToken);
        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }
    }

    /// <summary>
    /// A claim whose lease ran out was cut off mid-send (a crash or restart). Whether Meta got it is
    /// unknown, so it is not sent again (that could duplicate it): it is marked failed, visibly.
    /// </summary>
    private async Task FailInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var interrupted = await db.Outbox.Where(o => o.Status == OutboxStatus.Sending && o.LockedUntil < now).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return;
        }

        const string Reason = "Sending was interrupted by a restart; not retried automatically to avoid a duplicate";
        var messageIds = interrupted.Where(r => r.MessageId is not null).Select(r => r.MessageId!.Value).ToList();
        var messages = await db.Messages.Where(m => messageIds.Contains(m.Id)).ToListAsync(cancellationToken);
        foreach (var row in interrupted)
        {
            row.Status = OutboxStatus.Failed;
            row.LastError = Reason;
            row.LockedBy = null;
        }

        foreach (var message in messages.Where(m => m.Status < DeliveryStatus.Sent))
        {
            message.Status = DeliveryStatus.Failed;
            message.ErrorTitle = Reason;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("{Count} outbox row(s) were interrupted mid-send and marked failed", interrupted.Count);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
