using System.Collections.Concurrent;

namespace BowInbox.Web.Live;

/// <summary>
/// Which <see cref="InboxHub"/> connections are open on this server. With none, there is nobody to push to, so
/// <see cref="InboxBroadcaster"/> skips reading the database; a client that connects later loads what it shows itself.
/// Keyed by connection id so that a disconnect reported twice (or without a connect) cannot hide a live client.
/// </summary>
/// <param name="scaledOut">
/// With a backplane, clients of the other web servers count too (this server cannot see them): every change is pushed.
/// </param>
public sealed class InboxHubPresence(bool scaledOut = false)
{
    private readonly ConcurrentDictionary<string, byte> connections = new(StringComparer.Ordinal);

    public bool AnyConnected => scaledOut || !connections.IsEmpty;

    public int Count => connections.Count;

    public void Connected(string connectionId) => connections.TryAdd(connectionId, 0);

    public void Disconnected(string connectionId) => connections.TryRemove(connectionId, out _);
}
