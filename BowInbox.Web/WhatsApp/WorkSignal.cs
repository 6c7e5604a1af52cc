namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Wakes a background worker as soon as there is work, instead of waiting for its next poll.
/// Losing a signal is harmless: the worker also polls the database.
/// </summary>
public class WorkSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            await semaphore.WaitAsync(pollInterval, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

public sealed class InboundSignal : WorkSignal;

public sealed class OutboxSignal : WorkSignal;
