using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>A customer's message added to the unit of work (not yet saved: it has no id until the caller saves).</summary>
internal sealed record RecordedMessage(Message Message, bool NewTicket)
{
    /// <summary>The live change, once the caller has saved (and the message has its id).</summary>
    public MessageAdded Added => Message.Id != 0
        ? new MessageAdded(Message.TicketId, Message.Id, NewTicket)
        : throw new InvalidOperationException("The message is not saved yet.");
}

/// <summary>A customer's message on the central number: their contact, their open ticket (or a new one), the message.</summary>
internal sealed class CustomerMessageRecorder(CustomerRecords records, TimeProvider time)
{
    private static readonly CompiledPerProvider<Func<InboxDbContext, string, CancellationToken, Task<Contact?>>> ContactByHash = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string waIdHash, CancellationToken _) => db.Contacts.FirstOrDefault(c => c.WaIdHash == waIdHash)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, int, CancellationToken, Task<Ticket?>>> OpenTicketOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, int contactId, CancellationToken _) => db.Tickets
            .Where(t => t.ContactId == contactId && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.Id)
            .FirstOrDefault()));

    /// <summary>Adds the message to the caller's unit of work; a new contact or ticket is saved at once (their ids are needed).</summary>
    /// <param name="channel">The channel of the central number written to (<see cref="TicketChannels"/>).</param>
    public async Task<RecordedMessage> RecordAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, string fromHash, string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contact = await FindOrCreateContactAsync(db, group, inbound, fromHash, now, cancellationToken);

        // What goes to the customer goes on the channel they last wrote on.
        if (contact.Channel != channel)
        {
            contact.Channel = channel;
        }

        if (!group.TryOpenTicket(contact.Id, out var ticket))
        {
            ticket = await OpenTicketOf.For(db)(db, contact.Id, cancellationToken);
        }

        var isNew = ticket is null;
        if (ticket is null)
        {
            ticket = await CustomerRecords.OpenTicketAsync(db, contact, channel == TicketChannels.Sms ? "by SMS" : "on WhatsApp", now, cancellationToken, channel);

            // The contact had no open ticket: this is now their only one, and it has no relay session yet.
            group.OpenTickets(contact.Id, [ticket]);
            group.SessionsOfTickets([ticket.Id], []);
        }

        else if (ticket.Channel != channel)
        {
            // The conversation moved (an SMS customer continuing on WhatsApp): the timeline keeps where it was before.
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "channel-changed", Detail = $"Continued {(channel == TicketChannels.Sms ? "by SMS" : "on WhatsApp")} (was {ChannelName(ticket.Channel)})" });
            ticket.Channel = channel;
        }

        var message = ReceivedMessage.From(inbound, ticket.Id, MessageDirection.FromCustomer, $"{contact.Alias} {contact.FirstName}");
        db.Messages.Add(message);
        ticket.CustomerWrote(inbound.Timestamp, now, inbound.DisplayText);
        return new RecordedMessage(message, isNew);
    }

    public static string ChannelName(string channel) => channel switch
    {
        TicketChannels.Sms => "SMS",
        TicketChannels.WebChat => "web chat",
        _ => channel,
    };

    /// <summary>The sender's contact (created when new), known to the group from then on.</summary>
    public async Task<Contact> FindOrCreateContactAsync(InboxDbContext db, InboundGroup group, InboundMessage inbound, string fromHash, DateTime now, CancellationToken cancellationToken)
    {
        if (!group.TryContact(fromHash, out var contact))
        {
            contact = await ContactByHash.For(db)(db, fromHash, cancellationToken);
        }

        if (contact is not null)
        {
            if (!string.IsNullOrWhiteSpace(inbound.ProfileName) && StoredProfileName(inbound.ProfileName) is var name && contact.ProfileName != name)
            {
                contact.ProfileName = name;
            }

            return contact;
        }

        contact = await records.CreateContactAsync(db, new CustomerIdentity(inbound.From, inbound.FromUserId, inbound.FromParentUserId, inbound.ProfileName), now, cancellationToken);
        group.Contact(fromHash, contact);
        return contact;
    }

    private static string? StoredProfileName(string? profileName) => CustomerRecords.StoredProfileName(profileName);
}
