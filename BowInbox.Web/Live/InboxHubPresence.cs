using System.Collections.Concurrent;

namespace BowInbox.Web.Live;

/// <summary>
/// Which <see cref="InboxHub"/> connections are open on this server, and whose. With none, there is nobody to push to, so
/// <see cref="InboxBroadcaster"/> skips reading the database; a client that connects later loads what it shows itself.
/// Keyed by connection id so that a disconnect reported twice (or without a connect) cannot hide a live client. A user's
/// connections can be ended at once (<see cref="AbortConnectionsOf"/>) when their access changes.
/// </summary>
/// <param name="scaledOut">
/// With a backplane, clients of the other web servers count too (this server cannot see them): every change is pushed.
/// </param>
public sealed class InboxHubPresence(bool scaledOut = false)
{
    private readonly ConcurrentDictionary<string, Connection> connections = new(StringComparer.Ordinal);

    public bool AnyConnected => scaledOut || !connections.IsEmpty;

    public int Count => connections.Count;

    /// <param name="userId">Whose connection it is.</param>
    /// <param name="abort">Ends the connection from outside the hub (the hub context's <c>Abort</c>).</param>
    public void Connected(string connectionId, string? userId = null, Action? abort = null)
        => connections.TryAdd(connectionId, new Connection(userId, abort));

    public void Disconnected(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>Ends every connection of the user on this server; returns how many.</summary>
    public int AbortConnectionsOf(string userId)
    {
        var ended = 0;
        foreach (var (id, connection) in connections)
        {
            if (connection.UserId == userId && connections.TryRemove(id, out _))
            {
                connection.Abort?.Invoke();
                ended++;
            }
        }

        return ended;
    }

    private sealed record Connection(string? UserId, Action? Abort);
}
