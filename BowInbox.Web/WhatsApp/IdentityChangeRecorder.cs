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
/// the customer's latest ticket gets a timeline entry (words only, no identifier), or for a provider (on a pool number)
/// the audit log and the timeline of each job he has open do; the wamid is kept as handled so a redelivery is applied once.
/// </summary>
internal sealed class IdentityChangeRecorder(INumberProtector numbers, StoredPayloads payloads, BowInbox.Web.Audit.AuditLog audit, TimeProvider time)
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
        if (purpose == NumberPurpose.ProviderPool)
        {
            await RecordForProviderAsync(db, change, fromHash, now, cancellationToken);
            return;
        }

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

    /// <summary>The provider was re-keyed to the address the message now carries: his jobs' timelines and the audit log say so, by his name only.</summary>
    private async Task RecordForProviderAsync(InboxDbContext db, InboundIdentityChange change, string fromHash, DateTime now, CancellationToken cancellationToken)
    {
        var provider = db.FirstTracked<BowInbox.Core.Providers.Provider>(p => p.WaIdHash == fromHash)
            ?? await db.Providers.FirstOrDefaultAsync(p => p.WaIdHash == fromHash, cancellationToken);
        if (provider is null)
        {
            return;
        }

        var detail = change.DescribeFor("technician");
        var open = await db.Tickets.Where(t => t.ProviderId == provider.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var ticketId in open)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "identity-changed", Detail = $"{detail} ({provider.FirstName})" });
        }

        await audit.SaveWithAsync(db, new BowInbox.Web.Audit.AuditRecord(BowInbox.Web.Offenders.OffenderPausing.AuditActor, BowInbox.Web.Audit.AuditActions.ProviderIdentityChanged,
            $"provider:{provider.Id}", $"{detail} ({provider.DisplayName})"), cancellationToken);
    }
}
