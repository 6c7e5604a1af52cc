using BowInbox.Web.Live;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Routing;

/// <summary>
/// Offers a handed-back job at once (not at the next expiry sweep): the relay records the handoff and publishes the
/// change after its commit; routing hears it here, so the relay never calls back into routing.
/// </summary>
public sealed class HandoffRouting(InboxEvents events, TicketRouter router, IOptions<RoutingOptions> options, ILogger<HandoffRouting> logger) : InboxEventWorker<int>(events, logger, capacity: null)
{
    public const string ChangeKind = "handoff";

    // With automatic intake off every lead waits for an intake agent, a handed-back one too.
    protected override bool Enabled => options.Value.AutomaticIntake;

    protected override bool TrySelect(InboxChange change, out int item)
    {
        item = change.TicketId;
        return change is TicketChanged { What: ChangeKind };
    }

    protected override async Task HandleAsync(int item, CancellationToken cancellationToken) => await router.RouteAsync(item, cancellationToken);
}
