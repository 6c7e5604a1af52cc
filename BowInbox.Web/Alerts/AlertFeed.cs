using System.Security.Claims;

namespace BowInbox.Web.Alerts;

/// <summary>A circuit's view of one kind of alert: only Supervisors and Admins get anything through.</summary>
public abstract class AlertFeed<TEvent>(AlertBroadcast<TEvent> broadcast) : IDisposable
{
    private IDisposable? subscription;

    public event Func<TEvent, Task>? Changed;

    public void Start(ClaimsPrincipal viewer)
    {
        if (AlertAudience.MaySee(viewer))
        {
            subscription ??= broadcast.Subscribe(OnChangeAsync);
        }
    }

    private async Task OnChangeAsync(TEvent change)
    {
        // Both the alert centre and the toasts listen in one circuit; each handler is awaited.
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<TEvent, Task>>() ?? [])
        {
            await handler(change);
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
