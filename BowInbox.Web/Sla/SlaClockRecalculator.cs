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
    /// <returns>True when the stored clock changed.</returns>
    public async Task<bool> RecomputeAsync(int ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await Snapshots(db.Tickets.Where(t => t.Id == ticketId)).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return false;
        }

        var policy = await resolver.ResolveAsync(db, ticket.GroupId, ticket.Urgency, cancellationToken);
        var nearest = SlaTicketClock.Nearest(SlaTicketClock.Dues(ticket, policy));
        if (SlaTicketClock.IsStored(ticket, nearest))
        {
            return false;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            return await StoreAsync(db, ticket, nearest, cancellationToken);
        }
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
    public static IQueryable<SlaTicketSnapshot> Snapshots(IQueryable<Ticket> tickets) =>
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
                AcceptedAt = t.AcceptedAt,
                ProviderFirstMessageAt = t.ProviderFirstMessageAt,
                WaitingSince = t.WaitingSince,
                ResolvedAt = t.ResolvedAt,
            },
            t.SlaKind,
            t.SlaWarnAt,
            t.SlaDueAt));
}
