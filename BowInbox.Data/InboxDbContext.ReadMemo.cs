namespace BowInbox.Data;

/// <summary>
/// Settings-like reads (the central number, the content policy) remembered for one unit of work. Off unless the
/// owner of the unit of work turns it on (the inbound processor, for one transaction holding many messages), so a
/// long-lived context never serves an old value; cleared when the context is disposed or returned to its pool.
/// </summary>
public partial class InboxDbContext
{
    private Dictionary<string, object?>? readMemo;

    /// <summary>From now until disposal, <see cref="ReadOnceAsync{T}"/> reads each key once.</summary>
    public void RememberReads() => readMemo ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Reads the value, or returns the one read earlier in this unit of work when <see cref="RememberReads"/> is on.</summary>
    public async Task<T> ReadOnceAsync<T>(string key, Func<InboxDbContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (readMemo is null)
        {
            return await read(this, cancellationToken);
        }

        if (readMemo.TryGetValue(key, out var remembered))
        {
            return (T)remembered!;
        }

        var value = await read(this, cancellationToken);
        readMemo[key] = value;
        return value;
    }

    /// <summary>Remembers a value read some other way (say, as part of a wider read) for <see cref="ReadOnceAsync{T}"/>.</summary>
    public void Remember<T>(string key, T value)
    {
        if (readMemo is not null)
        {
            readMemo[key] = value;
        }
    }

    public override void Dispose()
    {
        readMemo = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        readMemo = null;
        return base.DisposeAsync();
    }
}
