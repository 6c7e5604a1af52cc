using BowInbox.Core.Tickets;
using BowInbox.Data;

namespace BowInbox.Web.Routing;

/// <summary>
/// Hands a ticket nobody could take to the supervisors: status Escalated, a timeline line saying why (supervisors
/// see it live through the ticket change the router publishes), and the customer told we are still on it.
/// </summary>
public sealed class RoutingEscalation(CustomerNotices customers, TimeProvider time)
{
    public const string EventKind = "escalated";

    /// <summary>Runs in the caller's transaction and saves; a ticket already escalated is left as it is.</summary>
    public async Task EscalateAsync(InboxDbContext db, Ticket ticket, string reason, CancellationToken cancellationToken)
    {
        if (!ticket.TryMoveTo(TicketStatus.Escalated))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        ticket.ProviderId = null;
        ticket.LastActivityAt = now;
        ticket.RoutingExplanation = $"escalated: {reason}";
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = EventKind, Detail = $"Escalated to supervisors: {reason}" });
        if (!await customers.SendAsync(db, ticket, CustomerNotices.StillOnIt(ticket.Id), cancellationToken))
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "notice-not-sent", Detail = "The customer could not be told (24-hour window closed): send a template." });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
