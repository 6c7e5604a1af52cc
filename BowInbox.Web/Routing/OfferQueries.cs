using System.Security.Claims;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>An open offer as the provider's queue shows it: the job, never the customer's number.</summary>
public sealed record PendingOfferView(long OfferId, int TicketId, string? ServiceType, string? Area, Urgency Urgency, string Summary, DateTime ExpiresAt);

/// <summary>A provider staff can offer or reassign a ticket to.</summary>
public sealed record ProviderChoice(int Id, string DisplayName, ProviderAvailability Availability, string Groups);

public sealed record ProviderSelf(int ProviderId, ProviderAvailability Availability, string? PauseReason);

/// <summary>Reads for the provider queue and the staff routing menus.</summary>
public sealed class OfferQueries(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<ProviderSelf?> ProviderOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = TicketAccess.UserId(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Providers.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ProviderSelf(p.Id, p.Availability, p.PauseReason)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingOfferView>> PendingForAsync(int providerId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.ProviderId == providerId && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
            .Join(db.Tickets, o => o.TicketId, t => t.Id, (o, t) => new { o.Id, o.TicketId, t.ServiceType, t.Area, t.Urgency, o.ExpiresAt })
            .OrderBy(o => o.ExpiresAt).ToListAsync(cancellationToken);
        var views = new List<PendingOfferView>();
        foreach (var offer in offers)
        {
            var summary = OfferText.Summary(await TicketQualification.CustomerTextsAsync(db, offer.TicketId, 5, cancellationToken));
            views.Add(new PendingOfferView(offer.Id, offer.TicketId, offer.ServiceType, offer.Area, offer.Urgency, summary, offer.ExpiresAt));
        }

        return views;
    }

    public async Task<IReadOnlyList<ProviderChoice>> ProvidersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().Include(p => p.Groups).ThenInclude(m => m.Group)
            .OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return providers.Select(p => new ProviderChoice(p.Id, p.DisplayName, p.Availability, string.Join(", ", p.Groups.Select(g => g.Group!.Name)))).ToList();
    }

    public async Task<string?> ExplanationAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TicketAccess.Visible(db, user).Where(t => t.Id == ticketId).Select(t => t.RoutingExplanation).FirstOrDefaultAsync(cancellationToken);
    }
}
