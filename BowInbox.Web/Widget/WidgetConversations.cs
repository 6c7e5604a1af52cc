using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Core.Widget;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.Privacy;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Widget;

/// <summary>A message as the visitor's panel shows it: theirs or the team's, never who on the team wrote it.</summary>
public sealed record WidgetMessage(long Id, bool Mine, string Text, DateTime At);

/// <summary>The panel's conversation after a message id; <see cref="Moved"/> once it continued on WhatsApp.</summary>
public sealed record WidgetHistory(IReadOnlyList<WidgetMessage> Messages, bool Moved);

/// <summary>A visitor's message, stored: the token that finds the conversation again, and what the sender is told (a redaction, a block).</summary>
public sealed record WidgetSent(string Token, WidgetMessage Message, string? Notice);

/// <summary>
/// A web visitor's conversation. Their first message makes a contact and a ticket (channel web chat) the way a first
/// WhatsApp message does, and is scanned before anyone reads it; the live inbox, intake, routing and SLA then take it
/// from the published <see cref="MessageAdded"/>, as for every channel. The database is the panel's source of truth.
/// </summary>
public sealed class WidgetConversations(
    IDbContextFactory<InboxDbContext> contexts,
    WidgetIdentifiers identifiers,
    WidgetVisitorTokens tokens,
    RelayScreening screening,
    OriginalTexts originals,
    InboxEvents events,
    TimeProvider time)
{
    /// <summary>Stores a visitor's message (the caller checked its length); null when the visitor's conversation moved to WhatsApp.</summary>
    public async Task<WidgetSent?> WriteAsync(WidgetKey key, int? visitorId, string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var written = text.Trim();
        var changes = new List<InboxChange>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var visitor = visitorId is { } id ? await db.WidgetVisitors.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) : null;
        if (visitor?.HasMoved == true)
        {
            return null;
        }

        var ticket = visitor is null ? null : await db.Tickets.Include(t => t.Contact).FirstAsync(t => t.Id == visitor.TicketId, cancellationToken);
        var isNew = ticket is null || !ticket.IsOpen;
        if (isNew)
        {
            var contact = ticket?.Contact ?? await NewContactAsync(db, now, cancellationToken);
            ticket = await CustomerRecords.OpenTicketAsync(db, contact, "on web chat", now, cancellationToken);
            ticket.Channel = TicketChannels.WebChat;
            if (visitor is null)
            {
                visitor = new WidgetVisitor { WidgetKeyId = key.Id, ContactId = contact.Id, CreatedAt = now };
                db.WidgetVisitors.Add(visitor);
            }

            visitor.TicketId = ticket.Id;
        }

        var alias = ticket!.Contact ?? await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.FromCustomer,
            AuthorName = $"{alias.Alias} {alias.FirstName}",
            Type = "text",
            Text = written,
            Status = DeliveryStatus.None,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);

        // Scanned before an agent or a provider reads it, like every relayed text: the original is kept for supervisors only.
        var scan = screening.ScanText(await RelaySettings.ContentPolicyAsync(db, cancellationToken), written);
        var screened = await screening.RecordAsync(db, scan, ticket.Id, SenderKind.Customer, null, message.Id, changes, cancellationToken);
        var delivered = scan.DeliveredText ?? RelayForwarder.BlockedText;
        if (delivered != written)
        {
            message.OriginalText = originals.Protect(written);
            message.Text = delivered;
        }

        ticket.CustomerWrote(now, now, delivered);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await events.PublishAsync(new MessageAdded(ticket.Id, message.Id, isNew));
        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }

        return new WidgetSent(tokens.Issue(visitor!.Id, key.Id), new WidgetMessage(message.Id, true, delivered, now), screened.SenderNotice);
    }

    /// <summary>The visitor's conversation after <paramref name="afterId"/>; null for an unknown visitor.</summary>
    public async Task<WidgetHistory?> HistoryAsync(int visitorId, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visitor = await db.WidgetVisitors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitorId, cancellationToken);
        if (visitor is null)
        {
            return null;
        }

        // Only what was said on the web (no WhatsApp message id, no WhatsApp number): once on WhatsApp, the rest is not the browser's to read.
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == visitor.TicketId && m.Id > afterId && m.Wamid == null && m.PhoneNumberId == null && m.Text != null
                && (m.Direction == MessageDirection.FromCustomer || m.Direction == MessageDirection.ToCustomer))
            .OrderBy(m => m.Id)
            .Take(200)
            .Select(m => new WidgetMessage(m.Id, m.Direction == MessageDirection.FromCustomer, m.Text!, m.CreatedAt))
            .ToListAsync(cancellationToken);
        return new WidgetHistory(messages, visitor.HasMoved);
    }

    /// <summary>Keeps the visitor's email (protected and hashed) to tell them of replies; false for an unknown visitor.</summary>
    public async Task<bool> LeaveEmailAsync(int visitorId, string email, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visitor = await db.WidgetVisitors.FirstOrDefaultAsync(v => v.Id == visitorId, cancellationToken);
        if (visitor is null)
        {
            return false;
        }

        visitor.EmailHash = identifiers.Hash("email", email);
        visitor.EmailProtected = identifiers.Protect(email.Trim());
        db.TicketEvents.Add(new TicketEvent { TicketId = visitor.TicketId, At = time.GetUtcNow().UtcDateTime, Kind = "contact-detail", Detail = "The visitor left an email to be notified" });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // A visitor is known by a random id that only their token's row leads to; it is kept like any identifier.
    private async Task<Contact> NewContactAsync(InboxDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var visitorKey = Guid.NewGuid().ToString("N");
        var contact = new Contact
        {
            WaIdHash = identifiers.Hash("web", visitorKey),
            WaIdProtected = identifiers.Protect("web:" + visitorKey),
            Alias = "T" + Guid.NewGuid().ToString("N")[..15],
            CreatedAt = now,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        contact.Alias = ContactAlias.FromId(contact.Id);
        return contact;
    }
}
