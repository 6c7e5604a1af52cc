using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// A job as its technician sees it. <paramref name="Since"/>: when he accepted it (when the customer first wrote, for
/// a job given to him without an offer). <see cref="Request"/>: the customer's request in their own words, scanned.
/// </summary>
public sealed record QueueJob(int Id, string CustomerAlias, string CustomerFirstName, string? ServiceType, string? Area, TicketStatus Status, DateTime LastActivityAt, bool RelayOpen,
    Urgency Urgency = Urgency.Normal, DateTime Since = default)
{
    /// <summary>Read for one job's page only; null in lists.</summary>
    public string? Request { get; init; }

    /// <summary>The confirmed arrival window, as the customer was told it; read for one job's page only.</summary>
    public string? ArrivalWindow { get; init; }
}

/// <summary>One message as a technician sees it: the delivered text only, never an original, a note or a number.</summary>
/// <paramref name="ByStaff"/>: written by a person (staff or the technician), not by BowInbox itself.
public sealed record QueueMessage(long Id, bool FromCustomer, bool Mine, string AuthorName, string Type, string? Text, DateTime CreatedAt, DeliveryStatus Status,
    MessageDirection Direction, bool ByStaff)
{
    /// <summary>Where the app's copy of the message's file stands, if it has one.</summary>
    public MediaState? Media { get; init; }
}

/// <summary>A technician's own jobs, their threads and replies from the web, through <see cref="TicketAccess.Visible"/> only.</summary>
public sealed class TechnicianQueue(
    IDbContextFactory<InboxDbContext> contexts, RelayForwarder forwarder, RelaySessionStore sessions, RelayDelivery delivery, InboxEvents events, TimeProvider time)
{
    public async Task<IReadOnlyList<QueueJob>> JobsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An offer not yet accepted is listed with the offers, not among his jobs.
        var open = Mine(db, user).Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Offered);
        return await TechnicianThread.RowsAsync(db, open.OrderByDescending(t => t.LastActivityAt), cancellationToken);
    }

    public async Task<QueueJob?> JobAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = (await TechnicianThread.RowsAsync(db, Mine(db, user).Where(t => t.Id == ticketId), cancellationToken)).FirstOrDefault();

        // The request as his offer put it (the customer's first messages, contact details removed whatever the relay
        // policy); a job given to him without an offer keeps what the customer said before it was his with staff.
        var userId = TicketAccess.UserId(user);
        var offered = job is not null && await db.Offers.AnyAsync(o => o.TicketId == ticketId && db.Providers.Any(p => p.Id == o.ProviderId && p.UserId == userId), cancellationToken);
        if (job is null)
        {
            return null;
        }

        var arrival = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.ArrivalWindowStart, t.ArrivalWindowEnd, t.ArrivalWindowZone }).SingleAsync(cancellationToken);
        job = job with { ArrivalWindow = Core.Dispatch.ArrivalWindow.Of(arrival.ArrivalWindowStart, arrival.ArrivalWindowEnd, arrival.ArrivalWindowZone)?.Describe() };
        return !offered ? job : job with { Request = Routing.OfferText.Summary(await Routing.TicketQualification.CustomerTextsAsync(db, ticketId, 5, cancellationToken)) };
    }

    /// <summary>The thread since the job reached this technician; null when the ticket is not theirs (or does not exist).</summary>
    public async Task<IReadOnlyList<QueueMessage>?> ThreadAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Technician) || TicketAccess.UserId(user) is not { } userId)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TechnicianThread.MessagesAsync(db, userId, ticketId, null, cancellationToken);
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
        await forwarder.SendToCustomerAsync(db, InboundGroup.Unknown(), session, provider, message, inbound, changes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        delivery.NotifySender();
        await events.PublishAsync(new MessageAdded(ticketId, message.Id, NewTicket: false));
        foreach (var change in changes)
        {
            await events.PublishAsync(change);
        }

        if (message.Text == RelayForwarder.BlockedText)
        {
            return new ReplyResult(ReplyOutcome.Invalid, "Your message was not sent: contact details are shared only through the platform.", message.Id);
        }

        var removed = await db.PolicyViolations.AsNoTracking().Where(v => v.MessageId == message.Id && v.Action == Core.Scanning.PolicyAction.Redact)
            .Select(v => v.Kind).Distinct().ToListAsync(cancellationToken);
        return new ReplyResult(ReplyOutcome.Queued, RedactionNotice.Sent(removed), message.Id);
    }

    private static IQueryable<Ticket> Mine(InboxDbContext db, ClaimsPrincipal user)
        => user.IsInRole(Roles.Technician) ? TicketAccess.Visible(db, user) : db.Tickets.Where(_ => false);
}
