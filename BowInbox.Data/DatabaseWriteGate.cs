namespace BowInbox.Data;

/// <summary>
/// SQLite has one write lock per database, and a writer that finds it taken sleeps and polls (the busy
/// timeout), which under load turns into long, unfair waits. The busy write paths (webhook intake, inbound
/// processing, the outbox, live SLA clocks) take turns here instead, waiting asynchronously and in order.
/// Server databases lock rows, not the database, so for them the gate is always open.
/// </summary>
public sealed class DatabaseWriteGate(bool serialize)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public bool Serializes => serialize;

    /// <summary>Waits for this writer's turn; dispose the result to pass the turn on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serialize)
        {
            return default;
        }

        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
