using BowInbox.Core.Routing;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>
/// Keeps each ticket's SlaKind/SlaWarnAt/SlaDueAt equal to its nearest running clock. Idempotent: it reads the
/// ticket's facts and writes only when the result differs from what is stored.
/// </summary>
public sealed class SlaClockRecalculator(IDbContextFactory<InboxDbContext> contexts, SlaPolicyResolver resolver, DatabaseWriteGate gate)
{
    /// <summary>
    /// Recomputes several tickets with one read of their facts and one of the policies; only the tickets whose clock
    /// differs from the stored one are written, together.
    /// </summary>
    /// <returns>The tickets whose stored clock changed.</returns>
    public async Task<IReadOnlyList<int>> RecomputeAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = ticketIds.Distinct().ToList();
        var tickets = await Snapshots(db, db.Tickets.Where(t => ids.Contains(t.Id))).ToListAsync(cancellationToken);
        if (tickets.Count == 0)
        {
            return [];
        }

        var policies = resolver.Parse(await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken));
        var stale = tickets
            .Select(t => (Ticket: t, Nearest: SlaTicketClock.Nearest(SlaTicketClock.Dues(t, SlaPolicyResolver.Resolve(policies, t.GroupId, t.Urgency)))))
            .Where(x => !SlaTicketClock.IsStored(x.Ticket, x.Nearest))
            .ToList();
        if (stale.Count == 0)
        {
            return [];
        }

        var changed = new List<int>(stale.Count);
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (ticket, nearest) in stale)
            {
                if (await StoreAsync(db, ticket, nearest, cancellationToken))
                {
                    changed.Add(ticket.Id);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return changed;
    }

    public static async Task<bool> StoreAsync(InboxDbContext db, SlaTicketSnapshot ticket, SlaNearest nearest, CancellationToken cancellationToken)
    {
        if (SlaTicketClock.IsStored(ticket, nearest))
        {
            return false;
        }

        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.SlaKind, nearest.Kind).SetProperty(t => t.SlaWarnAt, nearest.WarnAt).SetProperty(t => t.SlaDueAt, nearest.DueAt),
            cancellationToken);
        return true;
    }

    /// <summary>Only the columns the clocks need; CreatedAt is the customer's first message.</summary>
    public static IQueryable<SlaTicketSnapshot> Snapshots(InboxDbContext db, IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(t => new SlaTicketSnapshot(
            t.Id,
            t.Status,
            t.GroupId,
            t.Urgency,
            new SlaTicketFacts
            {
                FirstCustomerMessageAt = t.CreatedAt,
                FirstHumanReplyAt = t.FirstHumanReplyAt,
                OfferedAt = t.OfferedAt,
                OfferExpiresAt = db.Offers.Where(o => o.TicketId == t.Id && o.Status == OfferStatus.Pending).Max(o => (DateTime?)o.ExpiresAt),
                AcceptedAt = t.AcceptedAt,
                ProviderFirstMessageAt = t.ProviderFirstMessageAt,
                ArrivalConfirmedAt = t.ArrivalConfirmedAt,
                WaitingSince = t.WaitingSince,
                ResolvedAt = t.ResolvedAt,
            },
            t.SlaKind,
            t.SlaWarnAt,
            t.SlaDueAt));
}
