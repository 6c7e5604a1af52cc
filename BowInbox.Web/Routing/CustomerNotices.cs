using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Automatic messages to the customer from the central number (acknowledgement, questions, "still on it",
/// "who is coming"), added to the caller's unit of work with their outbox row. Never mentions a provider's number.
/// </summary>
public sealed class CustomerNotices(OutboxWriter outbox, TimeProvider time)
{
    public const string AuthorName = "BowInbox";

    public static string Acknowledgement(string firstName, int ticketId)
        => $"Hi {firstName}, thanks for your message! Your request is #{ticketId}; we are finding the right professional for you now.";

    public static string StillOnIt(int ticketId)
        => $"We are still working on your request #{ticketId}: a supervisor is finding someone for you and will update you here shortly.";

    public static string WhoIsComing(string providerFirstName, string? serviceType, int ticketId)
        => $"Good news: {providerFirstName}, your {Role(serviceType)}, has taken request #{ticketId} and will contact you in this chat shortly.";

    public static string Role(string? serviceType) => serviceType?.ToLowerInvariant() switch
    {
        "plumbing" => "plumber",
        "electrical" => "electrician",
        null or "" => "technician",
        var other => $"{other} technician",
    };

    /// <summary>Queues <paramref name="text"/> to the ticket's customer; false when it cannot go (no central number, window closed).</summary>
    public async Task<bool> SendAsync(InboxDbContext db, Ticket ticket, string text, CancellationToken cancellationToken)
    {
        var contact = ticket.Contact ?? await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        var central = await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.Central && n.Active)
            .Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        if (central is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recipient = new Recipient(contact.WaIdProtected, contact.WaIdHash);
        if (!await ConversationWindows.IsOpenAsync(db, central, contact.WaIdHash, now, cancellationToken))
        {
            return false;
        }

        var message = new Message
        {
            TicketId = ticket.Id,
            Direction = MessageDirection.ToCustomer,
            AuthorName = AuthorName,
            Type = "text",
            Text = text,
            PhoneNumberId = central,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueTextAsync(db, central, recipient, text, message.Id, cancellationToken);
        return true;
    }
}
