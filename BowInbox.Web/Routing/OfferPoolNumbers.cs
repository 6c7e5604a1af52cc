using BowInbox.Core.Numbers;
using BowInbox.Core.Routing;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Chooses the pool number an offer goes out from: one on which the provider has no open relay session and
/// no pending offer, so their answer on that number can only mean this offer. When every number is busy
/// for them, the first pool number (answers then name the job: <c>/accept 42</c>).
/// </summary>
public static class OfferPoolNumbers
{
    public static async Task<string?> PickAsync(InboxDbContext db, int providerId, CancellationToken cancellationToken)
    {
        var pool = await db.ProxyNumbers.AsNoTracking()
            .Where(n => n.Purpose == NumberPurpose.ProviderPool && n.Active)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).ToListAsync(cancellationToken);
        if (pool.Count == 0)
        {
            return null;
        }

        var busy = await db.RelaySessions.AsNoTracking()
            .Where(s => s.ProviderId == providerId && s.ClosedAt == null).Select(s => s.PoolPhoneNumberId)
            .Concat(db.Offers.AsNoTracking()
                .Where(o => o.ProviderId == providerId && o.Status == OfferStatus.Pending && o.PoolPhoneNumberId != null)
                .Select(o => o.PoolPhoneNumberId!))
            .ToListAsync(cancellationToken);
        return pool.FirstOrDefault(n => !busy.Contains(n)) ?? pool[0];
    }
}
