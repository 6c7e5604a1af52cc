using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Observability;

namespace BowInbox.Web.WhatsApp;

public enum EnqueueResult
{
    Queued = 0,

    /// <summary>More than 24 hours since they last wrote to this number: only a template may go out.</summary>
    WindowClosed = 1,
}

/// <summary>A WhatsApp recipient as the outbox knows them: never the number in clear.</summary>
public sealed record Recipient(string WaIdProtected, string WaIdHash);

/// <summary>
/// The one way anything is sent to WhatsApp: adds an outbox row to the caller's unit of work, so the
/// send is committed (or not) together with the change that caused it. The sender job sends it later.
/// </summary>
public sealed class OutboxWriter(TimeProvider time, OutboxSignal signal, InboxMetrics metrics)
{
    /// <summary>
    /// Queues a free-form message (text, interactive, media) if the 24-hour window is open (known to the inbound
    /// <paramref name="group"/> being handled, if any, or read).
    /// </summary>
    public async Task<EnqueueResult> EnqueueFreeFormAsync(
        InboxDbContext db, string fromPhoneNumberId, Recipient to, OutboxKind kind, string payloadJson, long? messageId, CancellationToken cancellationToken, InboundGroup? group = null,
        Message? relayed = null)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // A customer is answered on the channel they last wrote on; SMS has no 24-hour window.
        var (from, sms) = await BowInbox.Web.Sms.CustomerChannels.RouteAsync(db, fromPhoneNumberId, to.WaIdHash, cancellationToken);
        if (!sms && !await ConversationWindows.IsOpenAsync(db, from, to.WaIdHash, now, cancellationToken, group))
        {
            return EnqueueResult.WindowClosed;
        }

        Add(db, from, to, kind, payloadJson, messageId, now, relayed);
        return EnqueueResult.Queued;
    }

    public Task<EnqueueResult> EnqueueTextAsync(InboxDbContext db, string fromPhoneNumberId, Recipient to, string text, long? messageId, CancellationToken cancellationToken)
        => EnqueueFreeFormAsync(db, fromPhoneNumberId, to, OutboxKind.Text, OutboundPayloads.Text(text), messageId, cancellationToken);

    /// <summary>Approved templates may be sent outside the window.</summary>
    public void EnqueueTemplate(InboxDbContext db, string fromPhoneNumberId, Recipient to, string templatePayloadJson, long? messageId, Message? relayed = null)
        => Add(db, fromPhoneNumberId, to, OutboxKind.Template, templatePayloadJson, messageId, time.GetUtcNow().UtcDateTime, relayed);

    public void EnqueueMarkRead(InboxDbContext db, string fromPhoneNumberId, Recipient to, string wamid)
        => Add(db, fromPhoneNumberId, to, OutboxKind.MarkRead, OutboundPayloads.MarkAsRead(wamid), null, time.GetUtcNow().UtcDateTime);

    /// <summary>A read receipt that also shows the customer the typing indicator (<paramref name="payloadJson"/> names the message).</summary>
    public void EnqueueTypingIndicator(InboxDbContext db, string fromPhoneNumberId, Recipient to, string payloadJson)
        => Add(db, fromPhoneNumberId, to, OutboxKind.MarkRead, payloadJson, null, time.GetUtcNow().UtcDateTime);

    /// <summary>Wakes the sender; call after the transaction that added rows has committed.</summary>
    public void NotifySender() => signal.Notify();

    /// <summary><paramref name="relayed"/>: the stored message this send passes on, which may not have its id yet.</summary>
    private void Add(InboxDbContext db, string from, Recipient to, OutboxKind kind, string payloadJson, long? messageId, DateTime now, Message? relayed = null)
    {
        metrics.OutboxQueued(kind);
        db.Outbox.Add(new OutboxMessage
        {
            FromPhoneNumberId = from,
            ToProtected = to.WaIdProtected,
            RecipientHash = kind == OutboxKind.MarkRead ? null : to.WaIdHash,
            Kind = kind,
            PayloadJson = payloadJson,
            MessageId = relayed is { Id: not 0 } saved ? saved.Id : messageId,
            Message = relayed is { Id: 0 } ? relayed : null,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}
