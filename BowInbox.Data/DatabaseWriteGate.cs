using System.Diagnostics;

namespace BowInbox.Data;

/// <summary>
/// SQLite has one write lock per database, and a writer that finds it taken sleeps and polls (the busy
/// timeout), which under load turns into long, unfair waits. The busy write paths (webhook intake, inbound
/// processing, the outbox, live SLA clocks) take turns here instead, waiting asynchronously and in order.
/// Storing webhooks is urgent (Meta waits for the answer, and a slow one is retried): an urgent writer goes
/// before every waiting background writer, never interrupting the turn in progress.
/// Server databases lock rows, not the database, so for them the gate is always open (and nothing is timed).
/// The optional <paramref name="observer"/> hears each turn's wait and hold time.
/// </summary>
public sealed class DatabaseWriteGate(bool serialize, IWriteGateObserver? observer = null)
{
    private readonly Lock sync = new();
    private readonly Queue<TaskCompletionSource> urgent = new();
    private readonly Queue<TaskCompletionSource> background = new();
    private bool held;

    public bool Serializes => serialize;

    /// <summary>Waits for this writer's turn, after the urgent ones; dispose the result to pass the turn on.</summary>
    public ValueTask<Turn> EnterAsync(CancellationToken cancellationToken) => EnterAsync(background, cancellationToken);

    /// <summary>Waits for the turn in progress only, then goes before every background writer.</summary>
    public ValueTask<Turn> EnterUrgentAsync(CancellationToken cancellationToken) => EnterAsync(urgent, cancellationToken);

    private async ValueTask<Turn> EnterAsync(Queue<TaskCompletionSource> line, CancellationToken cancellationToken)
    {
        if (!serialize)
        {
            return default;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var arrived = Stopwatch.GetTimestamp();
        TaskCompletionSource waiter;
        lock (sync)
        {
            if (!held)
            {
                held = true;
                return Begin(arrived, line == urgent);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            line.Enqueue(waiter);
        }

        // Cancelled before the turn was handed over: Release skips it. Handed over first: the turn is ours.
        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task;
        }

        return Begin(arrived, line == urgent);
    }

    private Turn Begin(long arrived, bool isUrgent)
    {
        var now = Stopwatch.GetTimestamp();
        observer?.Waited(Stopwatch.GetElapsedTime(arrived, now), isUrgent);
        return new Turn(this, now);
    }

    private void Release(long since)
    {
        observer?.Held(Stopwatch.GetElapsedTime(since));
        lock (sync)
        {
            while (urgent.TryDequeue(out var next) || background.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            held = false;
        }
    }

    public readonly struct Turn(DatabaseWriteGate? gate, long since) : IDisposable
    {
        public void Dispose() => gate?.Release(since);
    }
}
