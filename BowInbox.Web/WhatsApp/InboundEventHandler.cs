using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Applies one stored webhook event: every message and status in it, in one transaction with marking
/// the event processed. A message is stored once per wamid (a unique index), however often Meta delivers it.
/// </summary>
internal sealed class InboundEventHandler(
    IDbContextFactory<InboxDbContext> contexts,
    CustomerMessageRecorder customers,
    BowInbox.Web.Audit.SupervisorCommands supervisorCommands,
    DeliveryStatusRecorder statuses,
    BowInbox.Web.Relay.RelayInbound relay,
    INumberProtector numbers,
    InboxEvents events,
    TimeProvider time,
    ILogger<InboundEventHandler> logger)
{
    public async Task ProcessAsync(long eventId, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessOnceAsync(eventId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker stored the same wamid between our check and our insert: the unique index
            // refused the duplicate. Redo the event; this time the check sees the stored message.
            await ProcessOnceAsync(eventId, cancellationToken);
        }
    }

    private async Task ProcessOnceAsync(long eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inbound = await db.InboundEvents.SingleAsync(e => e.Id == eventId, cancellationToken);
        if (inbound.ProcessedAt is not null)
        {
            return;
        }

        var parsed = WebhookPayloadParser.Parse(inbound.Payload);
        var changes = new List<InboxChange>();
        var unmatchedStatuses = new List<string>();
        var commands = new List<BowInbox.Web.Audit.ServedAuditSession>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (parsed.Webhook is { } webhook)
        {
            var ourNumbers = await db.ProxyNumbers.AsNoTracking().ToDictionaryAsync(n => n.PhoneNumberId, n => n.Purpose, cancellationToken);
            foreach (var message in webhook.Messages)
            {
                await HandleMessageAsync(db, message, ourNumbers, changes, commands, cancellationToken);
            }

            foreach (var status in webhook.Statuses)
            {
                if (!await statuses.RecordAsync(db, status, changes, cancellationToken))
                {
                    unmatchedStatuses.Add(status.Wamid);
                }
            }
        }
        else
        {
            logger.LogWarning("Stored inbound event {EventId} no longer parses: {Reason}", eventId, parsed.Error);
            inbound.LastError = parsed.Error;
        }

        inbound.ProcessedAt = time.GetUtcNow().UtcDateTime;
        inbound.Attempts++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await DeliveryStatusRecorder.ReconcileAsync(contexts, unmatchedStatuses, changes, cancellationToken);
        relay.NotifySender();

        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }

        if (commands.Count > 0)
        {
            await supervisorCommands.AfterCommitAsync(commands, cancellationToken);
        }
    }

    private async Task HandleMessageAsync(
        InboxDbContext db,
        InboundMessage message,
        IReadOnlyDictionary<string, NumberPurpose> ourNumbers,
        List<InboxChange> changes,
        List<BowInbox.Web.Audit.ServedAuditSession> commands,
        CancellationToken cancellationToken)
    {
        if (await db.Messages.AnyAsync(m => m.Wamid == message.Wamid, cancellationToken)
            || await db.UnroutedMessages.AnyAsync(m => m.Wamid == message.Wamid, cancellationToken))
        {
            return;
        }

        var fromHash = numbers.Hash(message.From);
        await ConversationWindows.TouchAsync(db, message.PhoneNumberId, fromHash, message.Timestamp, cancellationToken);

        if (ourNumbers.TryGetValue(message.PhoneNumberId, out var purpose) && purpose == NumberPurpose.Central)
        {
            if (await supervisorCommands.TryHandleAsync(db, message, fromHash, cancellationToken) is { } served)
            {
                commands.Add(served);
                return;
            }

            var added = await customers.RecordAsync(db, message, fromHash, cancellationToken);
            changes.Add(added);
            await relay.CustomerMessageAsync(db, message, added, changes, cancellationToken);
            return;
        }

        var reason = ourNumbers.ContainsKey(message.PhoneNumberId) ? UnroutedReason.ProviderPool : UnroutedReason.UnknownNumber;
        if (reason == UnroutedReason.UnknownNumber)
        {
            logger.LogWarning("Message {Wamid} arrived on phone_number_id {PhoneNumberId}, which is not one of our numbers; kept unrouted", message.Wamid, message.PhoneNumberId);
        }

        var unrouted = new UnroutedMessage
        {
            Wamid = message.Wamid,
            PhoneNumberId = message.PhoneNumberId,
            FromHash = fromHash,
            FromProtected = numbers.Protect(message.From),
            Type = message.Type,
            Text = message.DisplayText,
            ContextWamid = message.ContextWamid,
            RawJson = System.Text.Json.JsonSerializer.Serialize(message with { From = "" }),
            Reason = reason,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        };
        db.UnroutedMessages.Add(unrouted);
        await db.SaveChangesAsync(cancellationToken);
        if (reason == UnroutedReason.ProviderPool)
        {
            await relay.PoolMessageAsync(db, unrouted, message, changes, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
