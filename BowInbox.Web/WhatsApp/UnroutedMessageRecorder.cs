using BowInbox.Core.Audit;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Privacy;

namespace BowInbox.Web.WhatsApp;

/// <summary>A message not from a customer on the central number (a pool number's, or one to a number we do not know), kept as an unrouted message.</summary>
internal sealed class UnroutedMessageRecorder(INumberProtector numbers, StoredPayloads payloads, TimeProvider time)
{
    /// <summary>Adds the message to the caller's unit of work.</summary>
    public UnroutedMessage Record(InboxDbContext db, InboundMessage message, string fromHash, UnroutedReason reason)
    {
        var unrouted = new UnroutedMessage
        {
            Wamid = message.Wamid,
            PhoneNumberId = message.PhoneNumberId,
            FromHash = fromHash,
            FromProtected = numbers.Protect(message.From),
            Type = message.Type,
            // Searchable and readable in the table, but never a number or an address: the words are kept, encrypted, in RawJson.
            Text = NumberMask.Mask(message.DisplayText),
            ContextWamid = message.ContextWamid,
            RawJson = payloads.ProtectMessage(message),
            Reason = reason,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        };
        db.UnroutedMessages.Add(unrouted);
        return unrouted;
    }
}
