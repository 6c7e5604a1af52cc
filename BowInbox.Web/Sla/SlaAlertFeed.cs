using System.Security.Claims;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Sla;

/// <summary>A circuit's view of SLA alerts: only Supervisors and Admins get anything through.</summary>
public sealed class SlaAlertFeed(SlaAlertNotifier notifier) : IDisposable
{
    private IDisposable? subscription;

    public event Func<SlaAlertEvent, Task>? Changed;

    public static bool MaySee(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public void Start(ClaimsPrincipal viewer)
    {
        if (MaySee(viewer))
        {
            subscription ??= notifier.Subscribe(OnChangeAsync);
        }
    }

    private async Task OnChangeAsync(SlaAlertEvent change)
    {
        // Both the alert centre and the breach toasts listen in one circuit; each handler is awaited.
        foreach (var handler in Changed?.GetInvocationList().Cast<Func<SlaAlertEvent, Task>>() ?? [])
        {
            await handler(change);
        }
    }

    public void Dispose() => subscription?.Dispose();
}
