using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Sms;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sms;

/// <summary>
/// Carries an SMS customer over to WhatsApp. A new SMS conversation is answered with a <c>wa.me</c> link to the central
/// WhatsApp number whose text holds a one-time code; when that code arrives there, whoever sent it becomes the ticket's
/// customer (with its history and any open relay session) and the ticket goes on on WhatsApp.
/// </summary>
internal sealed partial class WhatsAppContinuations(OutboxWriter outbox, CustomerMessageRecorder customers, TimeProvider time)
{
    public const string CodePrefix = "BW-";

    // No 0/O or 1/I: the code may be typed back by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    [GeneratedRegex(@"\bBW-([A-HJ-NP-Z2-9]{8})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static string? CodeIn(string? text) => text is not null && CodePattern().Match(text) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : null;

    public static string LinkText(string code) => $"Continue my request {CodePrefix}{code}";

    /// <summary>Queues the offer to the SMS customer who just opened <paramref name="ticketId"/>, when a central WhatsApp number is in use.</summary>
    public async Task OfferAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, string fromHash, int ticketId, CancellationToken cancellationToken)
    {
        var whatsApp = await db.ProxyNumbers.AsNoTracking()
            .Where(n => n.Purpose == NumberPurpose.Central && n.Active && n.Channel == TicketChannels.WhatsApp)
            .OrderBy(n => n.Id).Select(n => n.DisplayNumber).FirstOrDefaultAsync(cancellationToken);
        if (whatsApp is null || !group.TryContact(fromHash, out var contact) || contact is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var code = NewCode();
        db.WhatsAppContinuations.Add(new WhatsAppContinuation { Code = code, TicketId = ticketId, CreatedAt = now, ExpiresAt = now + WhatsAppContinuation.Lifetime });
        var text = $"Prefer WhatsApp? Continue this conversation there, history kept: https://wa.me/{whatsApp}?text={Uri.EscapeDataString(LinkText(code))}";
        var message = new Message
        {
            TicketId = ticketId,
            Direction = MessageDirection.ToCustomer,
            AuthorName = "BowInbox",
            Type = "text",
            Text = text,
            PhoneNumberId = inbound.PhoneNumberId,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await outbox.EnqueueFreeFormAsync(
            db, inbound.PhoneNumberId, new Recipient(contact.WaIdProtected, contact.WaIdHash), OutboxKind.Text, OutboundPayloads.Text(text), null, cancellationToken, group, message);
    }

    /// <summary>
    /// When the message on the central WhatsApp number carries a usable code, its sender becomes the customer of the code's
    /// open ticket (the caller then records the message there); false leaves it an ordinary message.
    /// </summary>
    public async Task<bool> TryRedeemAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, string fromHash, CancellationToken cancellationToken)
    {
        if (CodeIn(inbound.Text) is not { } code)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var continuation = await db.WhatsAppContinuations.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (continuation is null || !continuation.IsUsable(now))
        {
            return false;
        }

        var ticket = group.TicketById(continuation.TicketId)
            ?? await db.Tickets.FirstOrDefaultAsync(t => t.Id == continuation.TicketId, cancellationToken);
        if (ticket is null || ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            return false;
        }

        var contact = await customers.FindOrCreateContactAsync(db, group, inbound, fromHash, now, cancellationToken);
        if (contact.Id != ticket.ContactId)
        {
            // A different WhatsApp account (another phone, or a username without one) takes the conversation over.
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "customer-continued", Detail = $"The customer continued on WhatsApp as {contact.Alias} (was SMS)" });
            ticket.ContactId = contact.Id;
            ticket.Contact = contact;
            foreach (var session in await db.RelaySessions.Where(s => s.TicketId == ticket.Id && s.ClosedAt == null).ToListAsync(cancellationToken))
            {
                session.ContactId = contact.Id;
            }
        }

        continuation.UsedAt = now;
        group.OpenTickets(contact.Id, [ticket]);
        return true;
    }

    private static string NewCode() => RandomNumberGenerator.GetString(Alphabet, WhatsAppContinuation.CodeLength);
}
