using System.Security.Claims;
using BowInbox.Web.Inbox;

namespace BowInbox.Web.Live;

/// <summary>
/// A circuit's view of <see cref="InboxEvents"/>: only changes to tickets its user may see get through.
/// Components re-read the database on each change, so a dropped circuit loses nothing it showed. Behind a backplane it
/// also hears the other web servers' changes. Changes reach the circuit through its own queue
/// (<see cref="InboxEvents.SubscribeView"/>), so the access check and every component's re-render run off the
/// publisher's path; every handler of <see cref="Changed"/> runs, one failing does not stop the others.
/// </summary>
public sealed class LiveInboxFeed(InboxEvents events, TicketAccess access, ILogger<LiveInboxFeed> logger) : IDisposable
{
    private IDisposable? subscription;
    private ClaimsPrincipal? user;

    public event Func<InboxChange, Task>? Changed;

    public void Start(ClaimsPrincipal viewer)
    {
        user = viewer;
        subscription ??= events.SubscribeView(OnChangeAsync);
    }

    private async Task OnChangeAsync(InboxChange change)
    {
        var handlers = Changed?.GetInvocationList().Cast<Func<InboxChange, Task>>().ToArray() ?? [];
        if (user is null || handlers.Length == 0)
        {
            return;
        }

        try
        {
            if (!TicketAccess.SeesAllTickets(user) && !await access.CanSeeAsync(user, change.TicketId))
            {
                return;
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A live inbox update could not be checked for a circuit");
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(change);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "A live inbox update could not be delivered to a circuit");
            }
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        subscription = null;
    }
}
