using System.Globalization;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>What taking a provider out of work did.</summary>
public sealed record RetirementOutcome(int ProviderId, int OffersWithdrawn, IReadOnlyList<int> RequeuedTicketIds);

/// <summary>
/// Takes a provider out of work when the user it signs in as leaves (deactivated, or moved out of the Technician role):
/// the provider is paused, its pending offers are withdrawn, its open relay sessions are closed and every open ticket it
/// held is re-queued and routed to someone else. One transaction, then one audit entry.
/// </summary>
public sealed class ProviderRetirement(
    IDbContextFactory<InboxDbContext> contexts,
    TicketRouter router,
    AuditLog audit,
    InboxEvents events,
    OutboxWriter outbox,
    IRelaySessions relaySessions,
    TimeProvider time)
{
    /// <summary>Null when the user has no provider record (nothing to take out of work).</summary>
    /// <param name="reason">Why, as the pause reason staff see, e.g. "account deactivated".</param>
    public async Task<RetirementOutcome?> RetireAsync(string userId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        RetirementOutcome outcome;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var provider = await db.Providers.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            if (provider is null)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            provider.Availability = ProviderAvailability.Paused;
            provider.PauseReason = reason;
            var pending = await db.Offers.Where(o => o.ProviderId == provider.Id && o.Status == OfferStatus.Pending).ToListAsync(cancellationToken);
            foreach (var offer in pending)
            {
                offer.Status = OfferStatus.Withdrawn;
                offer.RespondedAt = now;
            }

            var held = await db.Tickets.Where(t => t.ProviderId == provider.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .ToListAsync(cancellationToken);
            var requeued = new List<int>();
            foreach (var ticket in held)
            {
                ticket.ProviderId = null;
                ticket.LastActivityAt = now;
                if (ticket.TryMoveTo(TicketStatus.Requeued))
                {
                    requeued.Add(ticket.Id);
                }

                db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "requeued", Detail = $"Re-queued: {provider.DisplayName} can no longer take work ({reason})", Actor = actor });
            }

            // Every session still open with the provider, also on a ticket no longer theirs: nothing more is relayed.
            var sessionTickets = await db.RelaySessions.Where(s => s.ProviderId == provider.Id && s.ClosedAt == null).Select(s => s.TicketId).Distinct().ToListAsync(cancellationToken);
            foreach (var ticketId in sessionTickets)
            {
                await relaySessions.CloseAsync(db, ticketId, "the job was handed back to the team", cancellationToken);
            }

            // The pause and its audit entry commit together: no retirement without its record.
            var tickets = requeued.Count == 0 ? "none" : string.Join(", ", requeued.Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)));
            await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.ProviderPaused, $"provider:{provider.Id}",
                $"Paused: {reason}; {pending.Count} pending offer(s) withdrawn; tickets re-queued: {tickets}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outcome = new RetirementOutcome(provider.Id, pending.Count, requeued);
        }

        outbox.NotifySender();
        foreach (var ticketId in outcome.RequeuedTicketIds)
        {
            await events.PublishAsync(new TicketChanged(ticketId, "requeued"));
            await router.RouteAsync(ticketId, cancellationToken);
        }

        return outcome;
    }
}
