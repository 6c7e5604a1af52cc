using System.Security.Claims;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using BowInbox.Web.Simulator;
using Microsoft.AspNetCore.Components;

namespace BowInbox.Web.Components.Shared;

/// <summary>
/// A component that shows something others change while it is open: it follows a feed with <c>Follow</c>, re-reads
/// and re-renders on the circuit's dispatcher with <see cref="RefreshAsync"/>, and stops following when disposed.
/// Components that hold more (a timer) override <see cref="Dispose(bool)"/> and call the base.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<Action> unfollow = [];
    private bool disposed;

    /// <summary>Hands every inbox change <paramref name="user"/> may see to <paramref name="onChange"/>.</summary>
    protected void Follow(LiveInboxFeed feed, ClaimsPrincipal user, Func<InboxChange, Task> onChange)
    {
        feed.Changed += onChange;
        unfollow.Add(() => feed.Changed -= onChange);
        feed.Start(user);
    }

    /// <summary>Hands every alert event to <paramref name="onChange"/> (only Supervisors and Admins get any).</summary>
    protected void Follow<TEvent>(AlertFeed<TEvent> feed, ClaimsPrincipal user, Func<TEvent, Task> onChange)
    {
        feed.Changed += onChange;
        unfollow.Add(() => feed.Changed -= onChange);
        feed.Start(user);
    }

    /// <summary>Re-renders whenever a simulated phone sends or receives.</summary>
    protected void Follow(SimulatorPhones phones)
    {
        Action onChange = () => _ = RefreshAsync(() => Task.CompletedTask);
        phones.Changed += onChange;
        unfollow.Add(() => phones.Changed -= onChange);
    }

    /// <summary>Runs <paramref name="reload"/> on the component's dispatcher and renders the result; nothing once disposed.</summary>
    protected Task RefreshAsync(Func<Task> reload) => InvokeAsync(async () =>
    {
        if (disposed)
        {
            return;
        }

        await reload();
        StateHasChanged();
    });

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
        foreach (var stop in unfollow)
        {
            stop();
        }

        unfollow.Clear();
    }
}
