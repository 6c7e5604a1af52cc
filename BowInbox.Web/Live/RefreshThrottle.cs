namespace BowInbox.Web.Live;

/// <summary>
/// Folds a view's live refreshes into at most one per interval: the first request refreshes at once, later ones
/// within the interval become one refresh at its end. Under a burst of traffic each open inbox re-reads its list once
/// a second instead of once per message, and nothing is missed: the last change always leads to a refresh.
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, TimeProvider time, Func<Task> refresh, Action<Exception> onFailure) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private long last;
    private bool pending;

    /// <summary>Refreshes now (and completes when done), or schedules the one refresh at the interval's end and returns at once.</summary>
    public Task RequestAsync()
    {
        TimeSpan wait;
        lock (gate)
        {
            if (pending || stopping.IsCancellationRequested)
            {
                return Task.CompletedTask;
            }

            var now = time.GetTimestamp();
            var since = last == 0 ? interval : time.GetElapsedTime(last, now);
            if (since >= interval)
            {
                last = now;
                return RunAsync();
            }

            pending = true;
            wait = interval - since;
        }

        _ = RefreshLaterAsync(wait);
        return Task.CompletedTask;
    }

    private async Task RefreshLaterAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, time, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (gate)
        {
            pending = false;
            last = time.GetTimestamp();
        }

        await RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await refresh();
        }
        catch (Exception ex)
        {
            onFailure(ex);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            stopping.Cancel();
        }
    }
}
