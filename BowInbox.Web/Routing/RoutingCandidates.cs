using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>Reads what the selector needs about a group's members and a ticket's offer history.</summary>
public static class RoutingCandidates
{
    public static readonly TimeSpan StatsWindow = TimeSpan.FromDays(30);

    public static Task<ProviderGroup?> GroupCoveringAsync(InboxDbContext db, string service, string area, CancellationToken cancellationToken)
    {
        var s = service.Trim().ToLower();
        var a = area.Trim().ToLower();
        return db.ProviderGroups.Where(g => g.ServiceType.ToLower() == s && g.Area.ToLower() == a).OrderBy(g => g.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<GroupCandidates> ForAsync(InboxDbContext db, ProviderGroup group, IReadOnlyList<Offer> ticketOffers, DateTime now, CancellationToken cancellationToken)
    {
        // Only providers whose user is still an active Technician: a leaver's provider row never gets an offer.
        var active = db.ActiveProviders().Select(p => p.Id);
        var providers = await db.ProviderGroupMembers.AsNoTracking().Where(m => m.GroupId == group.Id && active.Contains(m.ProviderId))
            .Select(m => m.Provider!).ToListAsync(cancellationToken);
        var ids = providers.Select(p => p.Id).ToList();
        var openJobs = await db.Tickets.AsNoTracking()
            .Where(t => t.Status == TicketStatus.Assigned && t.ProviderId != null && ids.Contains(t.ProviderId.Value))
            .GroupBy(t => t.ProviderId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var since = now - StatsWindow;
        var stats = await db.Offers.AsNoTracking()
            .Where(o => ids.Contains(o.ProviderId) && o.OfferedAt >= since)
            .GroupBy(o => o.ProviderId)
            .Select(g => new { g.Key, Offers = g.Count(), Accepts = g.Count(o => o.Status == OfferStatus.Accepted) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        var members = providers.Select(p => ProviderCandidate.From(p, openJobs.GetValueOrDefault(p.Id),
            stats.TryGetValue(p.Id, out var s) ? s.Offers : 0, stats.TryGetValue(p.Id, out var a) ? a.Accepts : 0)).ToList();
        return GroupCandidates.For(group, members) with
        {
            DeclinedProviderIds = ticketOffers.Where(o => o.Status == OfferStatus.Declined).Select(o => o.ProviderId).ToHashSet(),
            ExpiredProviderIds = ticketOffers.Where(o => o.Status == OfferStatus.Expired).Select(o => o.ProviderId).ToHashSet(),
        };
    }
}
