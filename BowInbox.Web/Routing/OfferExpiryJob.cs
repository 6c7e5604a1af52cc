using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Every minute: pending offers past their expiry become expired and their tickets go to the next provider.
/// Expiry lives in the database, so a restart loses nothing; every step is a conditional update, so two runs
/// (or a run racing a provider's answer) never double an offer.
/// </summary>
public sealed class OfferExpiryJob(IDbContextFactory<InboxDbContext> contexts, OfferResponses responses, TicketRouter router, TimeProvider time)
{
    public const string JobId = "offer-expiry";

    private const int BatchSize = 200;

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<long> expired;
        List<int> stranded;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            expired = await db.Offers.AsNoTracking()
                .Where(o => o.Status == OfferStatus.Pending && o.ExpiresAt <= now)
                .OrderBy(o => o.ExpiresAt).Select(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var offerId in expired)
        {
            handled += await responses.ExpireAsync(offerId, cancellationToken) ? 1 : 0;
        }

        // A ticket re-queued just before a crash has no open offer and would wait forever; offer it now.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stranded = await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Requeued && !db.Offers.Any(o => o.TicketId == t.Id && o.Status == OfferStatus.Pending))
                .OrderBy(t => t.Id).Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        foreach (var ticketId in stranded)
        {
            await router.RouteAsync(ticketId, cancellationToken);
        }

        return handled;
    }
}
