using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

public sealed record QueueJob(int Id, string CustomerAlias, string CustomerFirstName, string? ServiceType, string? Area, TicketStatus Status, DateTime LastActivityAt, bool RelayOpen);

/// <summary>One message as a technician sees it: the delivered text only, never an original, a note or a number.</summary>
public sealed record QueueMessage(long Id, bool FromCustomer, bool Mine, string AuthorName, string Type, string? Text, DateTime CreatedAt, DeliveryStatus Status);

/// <summary>A technician's own jobs, their threads and replies from the web, through <see cref="TicketAccess.Visible"/> only.</summary>
public sealed class TechnicianQueue(
    IDbContextFactory<InboxDbContext> contexts, RelayForwarder forwarder, RelaySessionStore sessions, RelayDelivery delivery, InboxEvents events, TimeProvider time)
{
    public async Task<IReadOnlyList<QueueJob>> JobsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Mine(db, user).Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.LastActivityAt)
            .Select(t => new { t.Id, t.Contact!.Alias, t.Contact.ProfileName, t.ServiceType, t.Area, t.Status, t.LastActivityAt, Open = db.RelaySessions.Any(s => s.TicketId == t.Id && s.ClosedAt == null) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueJob(r.Id, r.Alias, Core.Contacts.PersonName.FirstName(r.ProfileName) ?? r.Alias, r.ServiceType, r.Area, r.Status, r.LastActivityAt, r.Open)).ToList();
    }

    public async Task<QueueJob?> JobAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
        => (await JobsOrClosedAsync(user, ticketId, cancellationToken)).FirstOrDefault();

    /// <summary>The thread since the job reached this technician; null when the ticket is not theirs (or does not exist).</summary>
    public async Task<IReadOnlyList<QueueMessage>?> ThreadAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await Mine(db, user).AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Id, t.ProviderId }).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        // What the customer said before the job was theirs was never scanned for them: it stays with staff.
        var since = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ProviderId == ticket.ProviderId).MinAsync(s => (DateTime?)s.OpenedAt, cancellationToken);
        if (since is null)
        {
            return [];
        }

        // Inbound messages carry WhatsApp's whole-second timestamps, so the order of storing (the id) is the
        // reliable boundary: from the briefing the session opened with.
        var firstId = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider && m.CreatedAt >= since)
            .MinAsync(m => (long?)m.Id, cancellationToken) ?? long.MaxValue;
        var userId = TicketAccess.UserId(user);
        return await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Id >= firstId && m.Direction != MessageDirection.InternalNote && m.Direction != MessageDirection.System)
            .OrderBy(m => m.Id)
            .Select(m => new QueueMessage(m.Id, m.Direction == MessageDirection.FromCustomer, m.Direction == MessageDirection.FromProvider || m.AuthorUserId == userId,
                m.AuthorName, m.Type, m.Type == "location" ? m.LocationName ?? "Shared location" : m.Text ?? m.Caption, m.CreatedAt, m.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A reply written in the web queue: scanned like a WhatsApp message and sent to the customer from the central number.</summary>
    public async Task<ReplyResult> ReplyAsync(ClaimsPrincipal user, int ticketId, string? text, CancellationToken cancellationToken = default)
    {
        if (ReplySender.Validate(text) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await Mine(db, user).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var provider = ticket?.ProviderId is { } providerId ? await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken) : null;
        if (ticket is null || provider is null)
        {
            return new ReplyResult(ReplyOutcome.NotFound, "That job does not exist or is not yours.");
        }

        var session = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ProviderId == provider.Id && s.ClosedAt == null).FirstOrDefaultAsync(cancellationToken)
            ?? await sessions.ReopenIdleAsync(db, ticket, $"{provider.FirstName} wrote from the web queue", cancellationToken);
        if (session is null)
        {
            return new ReplyResult(ReplyOutcome.Invalid, "This job's conversation is closed; nothing can be sent.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inbound = new InboundMessage { Wamid = "", From = "", PhoneNumberId = session.PoolPhoneNumberId, Timestamp = now, Type = "text", Text = text!.Trim() };
        var message = new Message
        {
            TicketId = ticketId,
            Direction = MessageDirection.FromProvider,
            AuthorUserId = TicketAccess.UserId(user),
            AuthorName = provider.FirstName,
            Type = "text",
            Text = inbound.Text,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var changes = new List<InboxChange>();
        await forwarder.SendToCustomerAsync(db, session, provider, message, inbound, changes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        delivery.NotifySender();
        await events.PublishAsync(new MessageAdded(ticketId, message.Id, NewTicket: false));
        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }

        return message.Text == RelayForwarder.BlockedText
            ? new ReplyResult(ReplyOutcome.Invalid, "Your message was not sent: contact details are shared only through the platform.", message.Id)
            : new ReplyResult(ReplyOutcome.Queued, "Sent to the customer.", message.Id);
    }

    private static IQueryable<Ticket> Mine(InboxDbContext db, ClaimsPrincipal user)
        => user.IsInRole(Roles.Technician) ? TicketAccess.Visible(db, user) : db.Tickets.Where(_ => false);

    private async Task<IReadOnlyList<QueueJob>> JobsOrClosedAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Mine(db, user).Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.Contact!.Alias, t.Contact.ProfileName, t.ServiceType, t.Area, t.Status, t.LastActivityAt, Open = db.RelaySessions.Any(s => s.TicketId == t.Id && s.ClosedAt == null) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueJob(r.Id, r.Alias, Core.Contacts.PersonName.FirstName(r.ProfileName) ?? r.Alias, r.ServiceType, r.Area, r.Status, r.LastActivityAt, r.Open)).ToList();
    }
}
