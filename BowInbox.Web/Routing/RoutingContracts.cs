namespace BowInbox.Web.Routing;

/// <summary>Offers tickets to providers (implemented by the routing feature); the SLA engine calls it on breaches.</summary>
public interface ITicketRouter
{
    /// <summary>Withdraws the current offer or assignment and offers the ticket to the next eligible provider (escalates when nobody is left).</summary>
    Task RequeueAsync(int ticketId, string reason, CancellationToken cancellationToken);

    /// <summary>Routes a qualified ticket now: picks the group and offers it by the group's strategy.</summary>
    Task RouteAsync(int ticketId, CancellationToken cancellationToken);
}
