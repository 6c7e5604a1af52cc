using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// A system message saying someone changed number or BSUID. <see cref="SenderIdentities"/> already re-keyed them; here
/// the customer's latest ticket gets a timeline entry (words only, no identifier), and the wamid is kept as handled so
/// a redelivery is applied once.
/// </summary>
internal sealed class IdentityChangeRecorder(INumberProtector numbers, StoredPayloads payloads, TimeProvider time)
{
    public async Task RecordAsync(InboxDbContext db, InboundMessage message, string fromHash, NumberPurpose? purpose, CancellationToken cancellationToken)
    {
        var change = message.IdentityChange!;
        var now = time.GetUtcNow().UtcDateTime;
        db.UnroutedMessages.Add(new UnroutedMessage
        {
            Wamid = message.Wamid,
            PhoneNumberId = message.PhoneNumberId,
            FromHash = fromHash,
            FromProtected = numbers.Protect(message.From),
            Type = message.Type,
            Text = change.Description,
            RawJson = payloads.ProtectMessage(message),
            Reason = UnroutedReason.IdentityChange,
            ReceivedAt = now,
            HandledAt = now,
        });
        if (purpose != NumberPurpose.Central)
        {
            return;
        }

        var ticketId = await db.Tickets.Where(t => t.Contact!.WaIdHash == fromHash).OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is { } id)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = id, At = now, Kind = "identity-changed", Detail = change.Description });
        }
    }
}
