using System.Security.Claims;
using BowInbox.Core.Audit;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Inbox;

/// <summary>Reads for the inbox, always through <see cref="TicketAccess.Visible"/>, paged on the server.</summary>
public sealed class InboxQueries(IDbContextFactory<InboxDbContext> contexts, BowInbox.Web.Privacy.OriginalTexts originals, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>The channels tickets have come through (WhatsApp, web chat, ...): the inbox filters by channel once there is more than one.</summary>
    public async Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking().Select(t => t.Channel).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async Task<InboxPage> ListAsync(ClaimsPrincipal user, InboxFilter filter, string? search, int page, int pageSize, CancellationToken cancellationToken = default, InboxSort sort = InboxSort.Recent, string? channel = null)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = TicketAccess.UserId(user);
        var query = TicketAccess.Visible(db, user).AsNoTracking();

        query = filter switch
        {
            InboxFilter.Mine => query.Where(t => t.AssigneeUserId == userId && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            InboxFilter.Unassigned => query.Where(t => t.AssigneeUserId == null && t.ProviderId == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            InboxFilter.Resolved => query.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
            _ => query.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
        };

        if (!string.IsNullOrEmpty(channel))
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(t =>
                t.Contact!.Alias.Contains(term)
                || (t.Contact.ProfileName != null && t.Contact.ProfileName.Contains(term))
                || db.Messages.Any(m => m.TicketId == t.Id && m.Text != null && m.Text.Contains(term))
                || db.ExternalReferences.Any(r => r.TicketId == t.Id && r.Value.Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = sort == InboxSort.DueSoonest
            ? query.OrderBy(t => t.SlaDueAt == null).ThenBy(t => t.SlaDueAt).ThenByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            : query.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id);
        var rows = await ordered
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
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
                t.Urgency,
            })
            .ToListAsync(cancellationToken);

        return new InboxPage(
            rows.Select(r => new TicketRow(r.Id, r.Alias, BowInbox.Core.Contacts.PersonName.FirstName(r.ProfileName) ?? r.Alias, r.LastMessagePreview, r.Channel, r.Status, r.GroupName, r.AssigneeName, r.ProviderName, r.UnreadCount, r.LastActivityAt, r.WaitingSince, r.SlaKind, r.SlaWarnAt, r.SlaDueAt, r.CustomerPaused, r.Urgency)).ToList(),
            total);
    }

    /// <summary>The ticket's details, or null when it does not exist or <paramref name="user"/> may not see it.</summary>
    public async Task<TicketDetails?> DetailsAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await TicketAccess.Visible(db, user).AsNoTracking()
            .Include(t => t.Contact).Include(t => t.Group).Include(t => t.Provider)
            .FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket?.Contact is null)
        {
            return null;
        }

        var assignee = ticket.AssigneeUserId is null ? null : await db.Users.Where(u => u.Id == ticket.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var central = await db.ProxyNumbers.Where(n => n.Purpose == BowInbox.Core.Numbers.NumberPurpose.Central && n.Channel == BowInbox.Core.Tickets.TicketChannels.WhatsApp).Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);
        // Only WhatsApp has a 24-hour window: an SMS customer or a web chat visitor can always be answered freely.
        var windowOpen = ticket.Contact.Channel == BowInbox.Core.Tickets.TicketChannels.Sms || ticket.Channel == BowInbox.Core.Tickets.TicketChannels.WebChat
            || (central is not null && await ConversationWindows.IsOpenAsync(db, central, ticket.Contact.WaIdHash, time.GetUtcNow().UtcDateTime, cancellationToken));
        var timeline = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind, e.Detail, e.Actor)).ToListAsync(cancellationToken);

        var row = new TicketRow(ticket.Id, ticket.Contact.Alias, ticket.Contact.FirstName, ticket.LastMessagePreview, ticket.Channel, ticket.Status,
            ticket.Group?.Name, assignee, ticket.Provider?.DisplayName, ticket.UnreadCount, ticket.LastActivityAt, ticket.WaitingSince, ticket.SlaKind, ticket.SlaWarnAt, ticket.SlaDueAt, ticket.Contact.IsPaused, ticket.Urgency);
        var pending = await db.Offers.AsNoTracking().Where(o => o.TicketId == ticketId && o.Status == BowInbox.Core.Routing.OfferStatus.Pending).OrderByDescending(o => o.Id)
            .Select(o => new { o.ExpiresAt, Name = db.Providers.Where(p => p.Id == o.ProviderId).Select(p => p.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        var offersMade = pending is not null || await db.Offers.AnyAsync(o => o.TicketId == ticketId, cancellationToken);
        var technicianSince = ticket.ProviderId is not { } providerId || ticket.Status != TicketStatus.Assigned ? null
            : await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ProviderId == providerId).MinAsync(s => (DateTime?)s.OpenedAt, cancellationToken);
        var references = await ExternalReferencesAsync(db, ticketId, cancellationToken);
        return new TicketDetails(row, ticket.ServiceType, ticket.Area, ticket.Urgency, ticket.GroupId, ticket.AssigneeUserId, ticket.Notes, windowOpen, timeline)
        {
            OfferedTo = pending is null ? null : ThreadParties.SafeName(pending.Name, "a technician"),
            OfferExpiresAt = pending?.ExpiresAt,
            TechnicianSince = technicianSince,
            OffersMade = offersMade,
            ExternalReferences = references,
            ArrivalWindow = Core.Dispatch.ArrivalWindow.Of(ticket.ArrivalWindowStart, ticket.ArrivalWindowEnd, ticket.ArrivalWindowZone)?.Describe(),
        };
    }

    /// <summary>A ticket's external references as staff read them ("booking BK-1001"), oldest first.</summary>
    public static async Task<IReadOnlyList<string>> ExternalReferencesAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
        => (await db.ExternalReferences.AsNoTracking().Where(r => r.TicketId == ticketId).OrderBy(r => r.Id).ToListAsync(cancellationToken)).Select(r => r.ToString()).ToList();

    /// <summary>Messages a thread shows at first, and how many more each "older messages" adds.</summary>
    public const int ThreadPageSize = 200;

    /// <summary>
    /// The latest <paramref name="limit"/> messages of the thread, in order; null when <paramref name="user"/> may not see
    /// the ticket. Internal notes are staff-only. A years-long conversation is not loaded whole to show its end.
    /// </summary>
    public async Task<ThreadPage?> ThreadAsync(ClaimsPrincipal user, int ticketId, int limit = ThreadPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return null;
        }

        var seesOriginals = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        var staff = TicketAccess.SeesAllTickets(user);
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && (staff || m.Direction != MessageDirection.InternalNote))
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(limit + 1)
            .Select(m => new
            {
                Message = new ThreadMessage(m.Id, m.Direction, m.AuthorName, m.Type, m.Text, seesOriginals && m.OriginalText != null, m.Status, m.ErrorCode, m.ErrorTitle,
                    m.MediaMimeType, m.Caption, m.Latitude, m.Longitude, m.LocationName, m.CreatedAt),
                m.MediaText,
                m.MediaId,
                Facts = new MessageFacts(m.Direction, m.AuthorName, m.AuthorUserId != null, m.PhoneNumberId, m.CreatedAt, m.HeldReason != null),
            })
            .ToListAsync(cancellationToken);
        var hasOlder = latest.Count > limit;
        var parties = await PartiesAsync(db, ticketId, cancellationToken);
        var templates = await TemplatesAsync(db, latest.Select(r => r.Message.Id).ToList(), cancellationToken);
        var media = await MediaStatesAsync(db, latest.Where(r => r.MediaId != null).Select(r => r.MediaId!).Distinct().ToList(), cancellationToken);

        // What a file said (OCR, PDF text, transcript) is decrypted here and shown with numbers and addresses masked.
        var shown = latest.Take(limit).Reverse()
            .Select(r => (r.MediaText is null ? r.Message : r.Message with { MediaText = NumberMask.Mask(originals.Unprotect(r.MediaText)) }) with { Parties = parties.Of(r.Facts), Template = templates.GetValueOrDefault(r.Message.Id), Media = r.MediaId is null ? null : media.GetValueOrDefault(r.MediaId) })
            .ToList();
        return new ThreadPage(shown, hasOlder);
    }

    /// <summary>Where the app's copies of these files stand, by media id (their bytes are not read).</summary>
    private static async Task<Dictionary<string, MediaState>> MediaStatesAsync(InboxDbContext db, List<string> mediaIds, CancellationToken cancellationToken)
        => mediaIds.Count == 0
            ? []
            : await db.MediaItems.AsNoTracking().Where(i => mediaIds.Contains(i.MediaId))
                .Select(i => new { i.MediaId, i.Status, i.Attempts }).ToDictionaryAsync(i => i.MediaId, i => new MediaState(i.Status, i.Attempts), cancellationToken);

    /// <summary>The messages of <paramref name="ids"/> that went out as a template, read from their outbox rows.</summary>
    private static async Task<Dictionary<long, SentTemplate>> TemplatesAsync(InboxDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.MessageId != null && ids.Contains(o.MessageId.Value) && o.Kind == BowInbox.Core.Channel.OutboxKind.Template)
            .Select(o => new { MessageId = o.MessageId!.Value, o.PayloadJson }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.MessageId, Template: SentTemplates.Read(r.PayloadJson)))
            .Where(r => r.Template is not null)
            .GroupBy(r => r.MessageId)
            .ToDictionary(g => g.Key, g => g.Last().Template!);
    }

    /// <summary>The ticket's customer (first name or alias) and every technician it was offered to or relayed with, by first name.</summary>
    private static async Task<ThreadParties> PartiesAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
    {
        var contact = await db.Tickets.Where(t => t.Id == ticketId).Select(t => new { t.Contact!.Alias, t.Contact.ProfileName }).SingleAsync(cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(o => o.TicketId == ticketId)
            .Select(o => new { o.PoolPhoneNumberId, o.ProviderId, From = o.OfferedAt, Until = (DateTime?)null, Relaying = false }).ToListAsync(cancellationToken);
        var sessions = await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId)
            .Select(s => new { PoolPhoneNumberId = (string?)s.PoolPhoneNumberId, s.ProviderId, From = s.OpenedAt, Until = s.ClosedAt, Relaying = true }).ToListAsync(cancellationToken);
        var spans = offers.Concat(sessions).ToList();
        var ids = spans.Select(s => s.ProviderId).Distinct().ToList();
        var names = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return new ThreadParties(
            Core.Contacts.PersonName.FirstName(contact.ProfileName) ?? contact.Alias,
            spans.Select(s => new TechnicianSpan(s.PoolPhoneNumberId, ThreadParties.SafeName(names.GetValueOrDefault(s.ProviderId), "Technician"), s.From, s.Until, s.Relaying)).ToList());
    }
}
