using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Copies the wamid of a sent offer message onto its offer, so a provider's reply quoting it finds the offer.
/// The offer's copy in the thread is written at the offer's own timestamp on its pool number, which is what joins them.
/// </summary>
public sealed class OfferWamids(InboxEvents events, IDbContextFactory<InboxDbContext> contexts, ILogger<OfferWamids> logger)
    : InboxEventWorker<long>(events, logger, capacity: null)
{
    protected override bool TrySelect(InboxChange change, out long item)
    {
        item = change is MessageStatusChanged status ? status.MessageId : 0;
        return change is MessageStatusChanged;
    }

    protected override bool Distinct => true;

    protected override Task HandleAsync(long item, CancellationToken cancellationToken) => CopyAsync(item, cancellationToken);

    public async Task CopyAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Direction == MessageDirection.ToProvider && m.Wamid != null)
            .Select(m => new { m.TicketId, m.PhoneNumberId, m.CreatedAt, m.Wamid }).FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return;
        }

        await db.Offers.Where(o => o.TicketId == message.TicketId && o.PoolPhoneNumberId == message.PhoneNumberId && o.OfferedAt == message.CreatedAt && o.Wamid == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Wamid, message.Wamid), cancellationToken);
    }

    /// <summary>The offer a reply quotes: by the offer's stored wamid, or through its message when the copy has not happened yet.</summary>
    public static async Task<Offer?> QuotedAsync(InboxDbContext db, string? contextWamid, int providerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(contextWamid))
        {
            return null;
        }

        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Wamid == contextWamid && o.ProviderId == providerId, cancellationToken);
        if (offer is not null)
        {
            return offer;
        }

        var message = await db.Messages.AsNoTracking().Where(m => m.Wamid == contextWamid && m.Direction == MessageDirection.ToProvider)
            .Select(m => new { m.TicketId, m.PhoneNumberId, m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return message is null
            ? null
            : await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.TicketId == message.TicketId && o.ProviderId == providerId && o.OfferedAt == message.CreatedAt, cancellationToken);
    }
}
