using BowInbox.Core.Alerts;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Hands a ticket nobody could take to the supervisors: status Escalated, a timeline line saying why, a supervisor
/// alert (pushed live once the router publishes it after the commit), and the customer told we are still on it.
/// </summary>
public sealed class RoutingEscalation(CustomerNotices customers, TimeProvider time)
{
    public const string EventKind = "escalated";

    /// <summary>Runs in the caller's transaction and saves; a ticket already escalated is left as it is (null).</summary>
    /// <returns>The alert to publish after the caller commits.</returns>
    public async Task<SupervisorAlertRaised?> EscalateAsync(InboxDbContext db, Ticket ticket, string reason, CancellationToken cancellationToken)
    {
        if (!ticket.TryMoveTo(TicketStatus.Escalated))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        ticket.ProviderId = null;
        ticket.LastActivityAt = now;
        ticket.RoutingExplanation = $"escalated: {reason}";
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = EventKind, Detail = $"Escalated to supervisors: {reason}" });
        if (!await customers.SendAsync(db, ticket, await customers.StillOnItAsync(db, ticket, cancellationToken), cancellationToken))
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "notice-not-sent", Detail = "The customer could not be told (24-hour window closed): send a template." });
        }

        var alias = ticket.Contact?.Alias ?? await db.Contacts.Where(c => c.Id == ticket.ContactId).Select(c => c.Alias).FirstOrDefaultAsync(cancellationToken);
        var raised = await SupervisorAlerts.RaiseAsync(
            db, SupervisorAlertKind.TicketEscalated, $"escalated:{ticket.Id}:{now.Ticks}", ticket.Id, null, $"Job #{ticket.Id} ({alias}) escalated: {reason}", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return raised;
    }
}
