using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Writes down what became of claimed outbox rows: sent (with the wamid, also on the linked message), to be
/// retried with back-off, or failed visibly. Also fails claims cut off by a crash, which must not be sent again.
/// </summary>
internal sealed class OutboxRecorder(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    InboxEvents events,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    private static readonly CompiledPerProvider<Func<InboxDbContext, List<long>, IAsyncEnumerable<Message>>> MessagesOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<long> ids) => db.Messages.Where(m => ids.Contains(m.Id))));

    /// <summary>
    /// Records each claimed row's outcome (none: it was not sent, held back behind the message before it, and waits
    /// again); the rows passed in are left as they were, so a failed write can be retried.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<OutboxMessage> claimed, IReadOnlyList<SendOutcome?> outcomes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var messageIds = claimed.Where(r => r.MessageId is not null).Select(r => r.MessageId!.Value).ToList();
        var messages = (messageIds.Count == 0 ? [] : await MessagesOf.For(db)(db, messageIds).ToListAsync(cancellationToken)).ToDictionary(m => m.Id);
        var changes = new List<InboxChange>();
        var sent = new List<SentRow>();
        var sentWamids = new List<string>();

        for (var i = 0; i < claimed.Count; i++)
        {
            var outcome = outcomes[i];
            var message = claimed[i].MessageId is { } id ? messages.GetValueOrDefault(id) : null;
            if (outcome is { Succeeded: true })
            {
                // The common case, written for the whole batch by two set-based updates (the claimed row is not changed).
                sent.Add(new SentRow(claimed[i].Id, message?.Id, outcome.Wamid!, claimed[i].Attempts + 1));
                if (message is not null)
                {
                    sentWamids.Add(outcome.Wamid!);
                    changes.Add(new MessageStatusChanged(message.TicketId, message.Id));
                }

                continue;
            }

            // A copy is changed, never the claimed row: a write that failed is retried from the row as it was claimed.
            var row = (OutboxMessage)db.Entry(claimed[i]).CurrentValues.ToObject();
            db.Outbox.Attach(row);
            row.LockedBy = null;
            row.LockedUntil = null;
            if (outcome is null)
            {
                row.Status = OutboxStatus.Pending;
                continue;
            }

            row.Attempts++;
            var failure = outcome.Failure!;
            row.LastErrorCode = failure.Code;
            row.LastError = Truncate($"{failure.Title}{(failure.Details is null ? "" : ": " + failure.Details)}", 1000);
            if (SendErrorPolicy.ShouldRetry(failure, row.Attempts))
            {
                row.Status = OutboxStatus.Pending;
                row.NextAttemptAt = now + SendErrorPolicy.RetryDelay(row.Attempts, failure.Code);
                OutboxLog.WillRetry(logger, row.Id, failure.Code, failure.Title, row.Attempts, row.NextAttemptAt);
                continue;
            }

            row.Status = OutboxStatus.Failed;
            OutboxLog.FailedForGood(logger, row.Id, failure.Code, failure.Title);
            if (message is not null)
            {
                message.Status = DeliveryStatus.Failed;
                message.ErrorCode = failure.Code;
                message.ErrorTitle = Truncate(failure.Title, 500);
                changes.Add(new MessageStatusChanged(message.TicketId, message.Id));
            }
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await OutboxSentRows.MarkSentAsync(db, sent, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Statuses that overtook their send (kept by wamid) are applied now that the wamid is stored.
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
    public async Task FailInterruptedAsync(CancellationToken cancellationToken)
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
        OutboxLog.Interrupted(logger, interrupted.Count);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
