using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// What a technician may see of a ticket, defined once for the <c>/queue</c> pages and the live hub alike: the
/// job as the queue lists it, and the thread from the briefing of his own first relay session on, without notes
/// or system messages. What the customer said before the job was his was never scanned for him: it stays with staff.
/// </summary>
public static class TechnicianThread
{
    /// <summary>The tickets offered or assigned to the technician whose Identity user id is <paramref name="userId"/>.</summary>
    public static IQueryable<Ticket> Jobs(InboxDbContext db, string userId) => Inbox.TicketAccess.OfTechnician(db, userId);

    public static async Task<List<QueueJob>> RowsAsync(InboxDbContext db, IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var rows = await tickets
            .Select(t => new
            {
                t.Id,
                t.Contact!.Alias,
                t.Contact.ProfileName,
                t.ServiceType,
                t.Area,
                t.Status,
                t.LastActivityAt,
                t.Urgency,
                Since = t.AcceptedAt ?? t.CreatedAt,
                Open = db.RelaySessions.Any(s => s.TicketId == t.Id && s.ClosedAt == null),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new QueueJob(r.Id, r.Alias, Core.Contacts.PersonName.FirstName(r.ProfileName) ?? r.Alias, r.ServiceType, r.Area, r.Status, r.LastActivityAt, r.Open,
            r.Urgency, DateTime.SpecifyKind(r.Since, DateTimeKind.Utc))).ToList();
    }

    /// <summary>
    /// The technician's thread of one ticket (only <paramref name="messageIds"/> of it when given); null when the
    /// ticket is not his. Empty until his first relay session opens.
    /// </summary>
    public static async Task<IReadOnlyList<QueueMessage>?> MessagesAsync(
        InboxDbContext db, string userId, int ticketId, IReadOnlyCollection<long>? messageIds, CancellationToken cancellationToken)
    {
        var ticket = await Jobs(db, userId).AsNoTracking().Where(t => t.Id == ticketId).Select(t => new { t.Id, t.ProviderId }).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var since = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ProviderId == ticket.ProviderId).MinAsync(s => (DateTime?)s.OpenedAt, cancellationToken);
        if (since is null)
        {
            return [];
        }

        // Inbound messages carry WhatsApp's whole-second timestamps, so the order of storing (the id) is the
        // reliable boundary: from the briefing the session opened with.
        var firstId = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider && m.CreatedAt >= since)
            .MinAsync(m => (long?)m.Id, cancellationToken) ?? long.MaxValue;
        var thread = db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Id >= firstId && m.Direction != MessageDirection.InternalNote && m.Direction != MessageDirection.System
                && m.HeldReason == null);
        if (messageIds is not null)
        {
            thread = thread.Where(m => messageIds.Contains(m.Id));
        }

        // The latest messages only: a phone between jobs needs the recent conversation, not years of it.
        var latest = await thread
            .OrderByDescending(m => m.Id)
            .Take(MaxMessages)
            .Select(m => new
            {
                Message = new QueueMessage(m.Id, m.Direction == MessageDirection.FromCustomer, m.Direction == MessageDirection.FromProvider || m.AuthorUserId == userId,
                    m.AuthorName, m.Type, m.Type == "location" ? m.LocationName ?? "Shared location" : m.Text ?? m.Caption, m.CreatedAt, m.Status, m.Direction, m.AuthorUserId != null),
                m.MediaId,
            })
            .ToListAsync(cancellationToken);
        latest.Reverse();
        var files = latest.Where(r => r.MediaId != null).Select(r => r.MediaId!).Distinct().ToList();
        var media = files.Count == 0 ? [] : await db.MediaItems.AsNoTracking().Where(i => files.Contains(i.MediaId))
            .Select(i => new { i.MediaId, i.Status, i.Attempts }).ToDictionaryAsync(i => i.MediaId, i => new MediaState(i.Status, i.Attempts), cancellationToken);
        return latest.ConvertAll(r => r.MediaId is null ? r.Message : r.Message with { Media = media.GetValueOrDefault(r.MediaId) });
    }

    /// <summary>How many of a job's latest messages the technician's thread loads.</summary>
    public const int MaxMessages = 200;
}
