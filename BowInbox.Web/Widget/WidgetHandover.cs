using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Core.Widget;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Widget;

/// <summary>What the panel offers to continue on WhatsApp: a <c>wa.me</c> link to the central number that prefills a one-time code.</summary>
public sealed record HandoverOffer(string Link, string Code, DateTime ExpiresAt);

/// <summary>
/// Carries a web conversation into WhatsApp. The panel asks for a one-time code; when the code arrives on the central
/// number, the same ticket becomes a WhatsApp ticket of the sender (web history kept, the move on its timeline) and
/// the message is recorded on it by the usual inbound path, so relay, commands and SLA treat it like any other.
/// </summary>
public sealed class WidgetHandover(IDbContextFactory<InboxDbContext> contexts, INumberProtector numbers, TimeProvider time)
{
    public const string MovedDetail = "Moved from web chat to WhatsApp";

    /// <summary>A new code for the visitor's conversation (replacing any earlier one); null when there is nothing to continue or no central number.</summary>
    public async Task<HandoverOffer?> OfferAsync(int visitorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visitor = await db.WidgetVisitors.FirstOrDefaultAsync(v => v.Id == visitorId, cancellationToken);
        // The wa.me link needs the WhatsApp central number, not an SMS one.
        var central = await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.Central && n.Active && n.Channel == TicketChannels.WhatsApp)
            .OrderBy(n => n.Id).Select(n => n.DisplayNumber).FirstOrDefaultAsync(cancellationToken);
        if (visitor is null || visitor.HasMoved || central is null)
        {
            return null;
        }

        var code = HandoverCode.New();
        var expires = time.GetUtcNow().UtcDateTime + HandoverCode.Lifetime;
        visitor.HandoverCodeHash = HandoverCode.Hash(code);
        visitor.HandoverCodeExpiresAt = expires;
        await db.SaveChangesAsync(cancellationToken);
        var link = $"https://wa.me/{PhoneKey.Digits(central)}?text={Uri.EscapeDataString(HandoverCode.PrefilledText(code))}";
        return new HandoverOffer(link, code, expires);
    }

    /// <summary>
    /// Inside inbound processing, for a message on the central number: when it carries a live code, moves the visitor's
    /// open ticket to the sender and tells <paramref name="group"/>, so the message is recorded on that ticket. No
    /// query unless the text holds something shaped like a code.
    /// </summary>
    internal async Task<InboxChange?> TryContinueAsync(InboxDbContext db, InboundGroup group, InboundMessage message, string fromHash, CancellationToken cancellationToken)
    {
        if (HandoverCode.Find(message.DisplayText) is not { } code)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hash = HandoverCode.Hash(code);
        var visitor = await db.WidgetVisitors.FirstOrDefaultAsync(v => v.HandoverCodeHash == hash && v.MovedToWhatsAppAt == null && v.HandoverCodeExpiresAt > now, cancellationToken);
        var ticket = visitor is null ? null : await db.Tickets.FirstOrDefaultAsync(t => t.Id == visitor.TicketId, cancellationToken);
        if (visitor is null || ticket is null || !ticket.IsOpen)
        {
            return null;
        }

        if (!group.TryContact(fromHash, out var contact))
        {
            contact = await db.Contacts.FirstOrDefaultAsync(c => c.WaIdHash == fromHash, cancellationToken);
        }

        if (contact is null)
        {
            // The visitor is new on WhatsApp: their web contact (and alias) becomes their WhatsApp contact.
            contact = await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
            contact.WaIdHash = fromHash;
            contact.WaIdProtected = numbers.Protect(message.From);
            contact.UserIdHash = message.FromUserId is { } userId ? numbers.Hash(userId) : null;
            contact.UserIdProtected = message.FromUserId is { } user ? numbers.Protect(user) : null;
            contact.ProfileName ??= CustomerRecords.StoredProfileName(message.ProfileName);
        }
        else
        {
            ticket.ContactId = contact.Id;
        }

        ticket.Channel = TicketChannels.WhatsApp;
        visitor.MovedToWhatsAppAt = now;
        visitor.HandoverCodeHash = null;
        visitor.HandoverCodeExpiresAt = null;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "channel", Detail = MovedDetail });
        await db.SaveChangesAsync(cancellationToken);

        group.Contact(fromHash, contact);
        group.OpenTickets(contact.Id, [ticket]);
        return new TicketChanged(ticket.Id, "channel");
    }
}
