using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>What is known of a new customer on WhatsApp: their address (phone, else BSUID) and, when sent, their BSUIDs.</summary>
public sealed record CustomerIdentity(string Address, string? UserId, string? ParentUserId, string? ProfileName);

/// <summary>
/// Creates customers and their tickets, whichever way a lead arrives (a message on the central number, the API): the
/// address stored only protected and hashed, a number-free alias, and a ticket with its "created" timeline entry.
/// </summary>
public sealed class CustomerRecords(INumberProtector numbers)
{
    /// <summary>Adds and saves a new contact (the alias is derived from the id, so the row is inserted first with a placeholder).</summary>
    public async Task<Contact> CreateContactAsync(InboxDbContext db, CustomerIdentity identity, DateTime now, CancellationToken cancellationToken)
    {
        var contact = new Contact
        {
            WaIdHash = numbers.Hash(identity.Address),
            WaIdProtected = numbers.Protect(identity.Address),
            UserIdHash = identity.UserId is { } userId ? numbers.Hash(userId) : null,
            UserIdProtected = identity.UserId is { } user ? numbers.Protect(user) : null,
            ParentUserIdHash = identity.ParentUserId is { } parentId ? numbers.Hash(parentId) : null,
            ParentUserIdProtected = identity.ParentUserId is { } parent ? numbers.Protect(parent) : null,
            ProfileName = StoredProfileName(identity.ProfileName),
            Alias = "T" + Guid.NewGuid().ToString("N")[..15],
            CreatedAt = now,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        contact.Alias = ContactAlias.FromId(contact.Id);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    /// <summary>
    /// The contact known by this address (as their address or their BSUID), else a new one. A name is kept only when
    /// none is known: the one WhatsApp sends is what the customer chose.
    /// </summary>
    public async Task<Contact> FindOrCreateContactAsync(InboxDbContext db, CustomerIdentity identity, DateTime now, CancellationToken cancellationToken)
    {
        var hash = numbers.Hash(identity.Address);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.WaIdHash == hash || c.UserIdHash == hash, cancellationToken);
        if (contact is null)
        {
            return await CreateContactAsync(db, identity, now, cancellationToken);
        }

        contact.ProfileName ??= StoredProfileName(identity.ProfileName);
        return contact;
    }

    /// <summary>
    /// Adds and saves a new ticket for <paramref name="contact"/> (its id is needed at once), with a "created" timeline
    /// entry saying where it came from (<paramref name="origin"/>, e.g. "on WhatsApp"), left for the caller to save.
    /// </summary>
    public static async Task<Ticket> OpenTicketAsync(InboxDbContext db, Contact contact, string origin, DateTime now, CancellationToken cancellationToken, string channel = TicketChannels.WhatsApp)
    {
        var ticket = new Ticket { ContactId = contact.Id, CreatedAt = now, LastActivityAt = now, Status = TicketStatus.New, Channel = channel };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "created", Detail = $"New conversation from {contact.Alias} {origin}" });
        return ticket;
    }

    /// <summary>A WhatsApp profile name is free text, which some set to their number or address: those are not kept.</summary>
    public static string? StoredProfileName(string? profileName) => BowInbox.Core.Audit.NumberMask.Mask(profileName);
}
