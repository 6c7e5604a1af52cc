using BowInbox.Core.Insurance;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>
/// Desk first response time per insurer for tickets routed in a period: from the first offer in the insurer's desk group
/// to the first message a provider sent the customer after it.
/// </summary>
public sealed class InsurerResponseReport(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<IReadOnlyList<InsurerResponseTime>> ForAsync(DateTime start, DateTime end, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var insurers = await db.Insurers.AsNoTracking().Select(i => new { i.Id, i.Name, i.DeskGroupId }).ToListAsync(cancellationToken);
        if (insurers.Count == 0)
        {
            return [];
        }

        var routed = await (from t in db.Tickets
                            join i in db.Insurers on t.InsurerId equals i.Id
                            let first = db.Offers.Where(o => o.TicketId == t.Id && o.GroupId == i.DeskGroupId).Min(o => (DateTime?)o.OfferedAt)
                            where first != null && first >= start && first < end
                            select new
                            {
                                i.Name,
                                RoutedAt = first!.Value,
                                Reply = db.Messages.Where(m => m.TicketId == t.Id && m.Direction == MessageDirection.FromProvider && m.CreatedAt >= first).Min(m => (DateTime?)m.CreatedAt),
                            }).AsNoTracking().ToListAsync(cancellationToken);
        return InsurerResponseTimes.Of(routed.Select(r => new DeskResponse(r.Name, r.RoutedAt, r.Reply)));
    }
}
