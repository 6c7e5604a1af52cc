using System.Security.Claims;
using BowInbox.Web.Inbox;

namespace BowInbox.Web.Live;

/// <summary>
/// A circuit's view of <see cref="InboxEvents"/>: only changes to tickets its user may see get through.
/// Components re-read the database on each change, so a dropped circuit loses nothing it showed. Behind a backplane it
/// also hears the other web servers' changes.
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
        if (user is null || Changed is null)
        {
            return;
        }

        try
        {
            if (TicketAccess.SeesAllTickets(user) || await access.CanSeeAsync(user, change.TicketId))
            {
                await Changed.Invoke(change);
            }
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A live inbox update could not be delivered to a circuit");
        }
    }

    public void Dispose() => subscription?.Dispose();
}
