using BowInbox.Core.Audit;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary>The filters of <c>GET /api/v1/tickets</c>.</summary>
public sealed record TicketFilter(TicketStatus? Status, int? GroupId, int? ProviderId, string? ExternalKind, string? ExternalId, DateTime? UpdatedSince, int Page, int PageSize);

/// <summary>Reads tickets for the API as <see cref="TicketView"/>: every text that people typed passes through <see cref="NumberMask"/>.</summary>
public static class ApiTicketQueries
{
    public const int MaxPageSize = 100;

    public static async Task<TicketPage> ListAsync(InboxDbContext db, TicketFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Tickets.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (filter.GroupId is { } group)
        {
            query = query.Where(t => t.GroupId == group);
        }

        if (filter.ProviderId is { } provider)
        {
            query = query.Where(t => t.ProviderId == provider);
        }

        if (filter.ExternalId is { } externalId)
        {
            var kind = filter.ExternalKind;
            query = query.Where(t => db.ExternalReferences.Any(r => r.TicketId == t.Id && r.Value == externalId && (kind == null || r.Kind == kind)));
        }

        if (filter.UpdatedSince is { } since)
        {
            query = query.Where(t => t.LastActivityAt >= since);
        }

        var total = await query.CountAsync(cancellationToken);
        var ids = await query.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).Select(t => t.Id).ToListAsync(cancellationToken);
        var views = await ViewsAsync(db, ids, cancellationToken);
        return new TicketPage(ids.Select(id => views[id]).ToList(), filter.Page, filter.PageSize, total);
    }

    public static async Task<TicketView?> GetAsync(InboxDbContext db, int ticketId, CancellationToken cancellationToken)
        => (await ViewsAsync(db, [ticketId], cancellationToken)).GetValueOrDefault(ticketId);

    public static async Task<Dictionary<int, TicketView>> ViewsAsync(InboxDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id,
                t.Status,
                t.Contact!.Alias,
                t.Contact.ProfileName,
                t.ServiceType,
                t.Area,
                t.Urgency,
                t.GroupId,
                Group = t.Group != null ? t.Group.Name : null,
                t.ProviderId,
                Provider = t.Provider != null ? t.Provider.DisplayName : null,
                t.CreatedAt,
                t.LastActivityAt,
                t.ResolvedAt,
                t.SlaDueAt,
                t.LastMessagePreview,
            })
            .ToListAsync(cancellationToken);
        var references = await db.ExternalReferences.AsNoTracking().Where(r => ids.Contains(r.TicketId)).OrderBy(r => r.Id)
            .Select(r => new { r.TicketId, r.Kind, r.Value }).ToListAsync(cancellationToken);
        return tickets.ToDictionary(t => t.Id, t => new TicketView(
            t.Id, t.Status.ToString(), t.Alias, NumberMask.Mask(Core.Contacts.PersonName.FirstName(t.ProfileName) ?? t.Alias)!, NumberMask.Mask(t.ServiceType), NumberMask.Mask(t.Area),
            t.Urgency.ToString(), t.GroupId, NumberMask.Mask(t.Group), t.ProviderId, NumberMask.Mask(t.Provider), t.CreatedAt, t.LastActivityAt, t.ResolvedAt, t.SlaDueAt,
            NumberMask.Mask(t.LastMessagePreview),
            references.Where(r => r.TicketId == t.Id).Select(r => new ExternalReferenceBody(r.Kind, r.Value)).ToList()));
    }
}
