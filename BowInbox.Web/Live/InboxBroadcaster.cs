using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Live;

/// <summary>
/// Pushes every <see cref="InboxEvents"/> change to <see cref="InboxHub"/>. Each change is re-read from the
/// database and sent only to those who may see the ticket: the staff who see all tickets (the inbox's rows and
/// messages), and the technician it is offered or assigned to (<see cref="TicketAccess.ProviderUserIdAsync"/>), who
/// gets only what his <c>/queue</c> pages show (<see cref="TechnicianThread"/>).
/// </summary>
public sealed class InboxBroadcaster(
    InboxEvents events,
    TicketAccess access,
    IDbContextFactory<InboxDbContext> contexts,
    IHubContext<InboxHub> hub,
    InboxHubPresence presence,
    ILogger<InboxBroadcaster> logger) : InboxEventWorker<InboxChange>(events, logger, QueueCapacity)
{
    public const int QueueCapacity = 10_000;

    // Publishers (the inbound processor, the outbox sender, staff actions) only enqueue, so a slow read or
    // client never delays WhatsApp processing. When full, the update is dropped: live updates are a view of the
    // database, repaired by the ticket's next change or a reload, whereas a stalled processor delays everyone.
    protected override bool TrySelect(InboxChange change, out InboxChange item)
    {
        item = change;
        return true;
    }

    protected override Task HandleAsync(InboxChange item, CancellationToken cancellationToken)
        => presence.AnyConnected ? PushAsync([item], cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Changes that queued up together are pushed per ticket: its row once, as it is now, then each changed
    /// message once, as it is now. Clients see the same end state as with one push per change, for fewer reads.
    /// </summary>
    protected override async Task HandleBatchAsync(IReadOnlyList<InboxChange> items, CancellationToken cancellationToken)
    {
        if (!presence.AnyConnected)
        {
            // Nobody is connected to this server's hub: nothing to read, nothing to send.
            return;
        }

        foreach (var ticket in items.GroupBy(c => c.TicketId))
        {
            try
            {
                await PushAsync([.. ticket], cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Live update for ticket {TicketId} was not pushed", ticket.Key);
            }
        }
    }

    private async Task PushAsync(IReadOnlyList<InboxChange> changes, CancellationToken cancellationToken)
    {
        var ticketId = changes[0].TicketId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await ReadRowAsync(db, ticketId, cancellationToken);
        if (row is null)
        {
            return;
        }

        var staff = hub.Clients.Groups(InboxGroups.AllTicketsStaff);
        await staff.SendAsync(InboxClientMethods.TicketUpdated, row, cancellationToken);
        var messageIds = changes.Select(MessageIdOf).OfType<long>().Distinct().ToList();
        if (messageIds.Count > 0)
        {
            foreach (var message in await ReadMessagesAsync(db, ticketId, messageIds, cancellationToken))
            {
                await staff.SendAsync(InboxClientMethods.MessageChanged, message, cancellationToken);
            }
        }

        // The technician gets his own payloads, built by the same rules as his /queue pages: never the staff row
        // (its preview is the customer's unscanned words) nor a message outside his own session's thread.
        if (await access.ProviderUserIdAsync(ticketId, cancellationToken) is { } technicianUserId)
        {
            await PushToTechnicianAsync(db, ticketId, technicianUserId, messageIds, cancellationToken);
        }
    }

    private async Task PushToTechnicianAsync(InboxDbContext db, int ticketId, string userId, List<long> messageIds, CancellationToken cancellationToken)
    {
        var technician = hub.Clients.Group(InboxGroups.User(userId));
        var job = (await TechnicianThread.RowsAsync(db, TechnicianThread.Jobs(db, userId).Where(t => t.Id == ticketId), cancellationToken)).FirstOrDefault();
        if (job is null)
        {
            return;
        }

        await technician.SendAsync(InboxClientMethods.TicketUpdated, job, cancellationToken);
        if (messageIds.Count == 0)
        {
            return;
        }

        foreach (var message in await TechnicianThread.MessagesAsync(db, userId, ticketId, messageIds, cancellationToken) ?? [])
        {
            await technician.SendAsync(InboxClientMethods.MessageChanged, TechnicianMessage.From(ticketId, message), cancellationToken);
        }
    }

    private static long? MessageIdOf(InboxChange change) => change switch
    {
        MessageAdded added => added.MessageId,
        MessageStatusChanged status => status.MessageId,
        _ => null,
    };

    // Projected column by column so that nothing of the contact but its alias and name is even loaded.
    private static async Task<TicketRow?> ReadRowAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => t.Id == ticketId)
            .Select(t => new
            {
                t.Id,
                t.Contact!.Alias,
                t.Contact.ProfileName,
                t.LastMessagePreview,
                t.Channel,
                t.Status,
                GroupName = t.Group != null ? t.Group.Name : null,
                AssigneeName = db.Users.Where(u => u.Id == t.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                ProviderName = t.Provider != null ? t.Provider.DisplayName : null,
                t.UnreadCount,
                t.LastActivityAt,
                t.WaitingSince,
                t.SlaKind,
                t.SlaWarnAt,
                t.SlaDueAt,
                CustomerPaused = t.Contact.PausedAt != null,
            })
            .FirstOrDefaultAsync(cancellationToken);

        return ticket is null
            ? null
            : new TicketRow(ticket.Id, ticket.Alias, PersonName.FirstName(ticket.ProfileName) ?? ticket.Alias, ticket.LastMessagePreview, ticket.Channel,
                ticket.Status, ticket.GroupName, ticket.AssigneeName, ticket.ProviderName, ticket.UnreadCount, ticket.LastActivityAt, ticket.WaitingSince,
                ticket.SlaKind, ticket.SlaWarnAt, ticket.SlaDueAt, ticket.CustomerPaused);
    }

    private static Task<List<LiveMessage>> ReadMessagesAsync(InboxDbContext db, int ticketId, List<long> messageIds, CancellationToken cancellationToken)
        => db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && messageIds.Contains(m.Id))
            .OrderBy(m => m.Id)
            .Select(m => new LiveMessage(m.TicketId, m.Id, m.Direction, m.AuthorName, m.Text, m.Status, m.CreatedAt))
            .ToListAsync(cancellationToken);
}
