using System.Globalization;
using BowInbox.Core.Channel;
using BowInbox.Core.Intake;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Automatic messages to the customer from the central number (acknowledgement, questions, "still on it",
/// "who is coming"), in the customer's language, added to the caller's unit of work with their outbox row.
/// Never mentions a provider's number.
/// </summary>
public sealed class CustomerNotices(OutboxWriter outbox, CustomerLanguages languages, TimeProvider time)
{
    public const string AuthorName = "BowInbox";

    public Task<string> AcknowledgementAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
        => languages.TextAsync(db, ticket, "acknowledgement", cancellationToken, ("firstName", ticket.Contact!.FirstName), ("ticket", Id(ticket.Id)));

    public Task<string> StillOnItAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
        => languages.TextAsync(db, ticket, "still-on-it", cancellationToken, ("ticket", Id(ticket.Id)));

    public async Task<string> WhoIsComingAsync(InboxDbContext db, Ticket ticket, string providerFirstName, CancellationToken cancellationToken)
    {
        var language = await languages.OfAsync(db, ticket, cancellationToken);
        return languages.Texts.Get(language, "who-is-coming", ("provider", providerFirstName), ("role", languages.Role(language, ticket.ServiceType)), ("ticket", Id(ticket.Id)));
    }

    /// <summary>
    /// Queues an intake question (a list or reply buttons), then its location request when it offers one; false when it
    /// cannot go (no central number, window closed).
    /// </summary>
    public async Task<bool> AskAsync(InboxDbContext db, Ticket ticket, IntakeQuestion question, CancellationToken cancellationToken)
    {
        if (!await QueueAsync(db, ticket, "interactive", question.AsText, OutboxKind.Interactive, question.Payload(), cancellationToken))
        {
            return false;
        }

        if (question.LocationPrompt is { } prompt)
        {
            await QueueAsync(db, ticket, "interactive", $"{prompt} [{LocationButtonShown}]", OutboxKind.Interactive, OutboundPayloads.LocationRequest(prompt), cancellationToken);
        }

        return true;
    }

    /// <summary>How the inbox thread shows WhatsApp's own "Send location" button, which the customer sees in their language.</summary>
    public const string LocationButtonShown = "Send location";

    /// <summary>Queues an interactive message (<paramref name="payload"/>, shown in the inbox as <paramref name="shown"/>); false when it cannot go.</summary>
    public Task<bool> AskAsync(InboxDbContext db, Ticket ticket, string shown, string payload, CancellationToken cancellationToken)
        => QueueAsync(db, ticket, "interactive", shown, OutboxKind.Interactive, payload, cancellationToken);

    /// <summary>Queues <paramref name="text"/> to the ticket's customer; false when it cannot go (no central number, window closed).</summary>
    public Task<bool> SendAsync(InboxDbContext db, Ticket ticket, string text, CancellationToken cancellationToken)
        => QueueAsync(db, ticket, "text", text, OutboxKind.Text, OutboundPayloads.Text(text), cancellationToken);

    private async Task<bool> QueueAsync(InboxDbContext db, Ticket ticket, string type, string shown, OutboxKind kind, string payload, CancellationToken cancellationToken)
    {
        if (ticket.Channel == BowInbox.Core.Tickets.TicketChannels.WebChat)
        {
            // The widget's panel reads its messages from the database: stored is delivered, shown as text.
            db.Messages.Add(new Message { TicketId = ticket.Id, Direction = MessageDirection.ToCustomer, AuthorName = AuthorName, Type = "text", Text = shown, Status = DeliveryStatus.Sent, CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var contact = ticket.Contact ?? await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        var central = await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.Central && n.Active)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        if (central is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recipient = new Recipient(contact.WaIdProtected, contact.WaIdHash);

        // An SMS customer is written to by SMS, which has no 24-hour window.
        var (from, sms) = await BowInbox.Web.Sms.CustomerChannels.RouteAsync(db, central, contact.WaIdHash, cancellationToken);
        if (!sms && !await ConversationWindows.IsOpenAsync(db, from, contact.WaIdHash, now, cancellationToken))
        {
            return false;
        }

        central = from;

        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.ToCustomer,
            AuthorName = AuthorName,
            Type = type,
            Text = shown,
            PhoneNumberId = central,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueFreeFormAsync(db, central, recipient, kind, payload, message.Id, cancellationToken);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
