namespace BowInbox.Web.Live;

/// <summary>
/// Ends a user's live hub connections when their access changes (deactivated, or given another role): hub groups are
/// joined once, at connect, so a connection that outlived the change would keep the old role's traffic. Ended on this
/// server at once, and on the other web servers through <see cref="RedisLiveRelay"/> when a backplane is configured.
/// A client that connects again is checked by <see cref="InboxHub"/> against the database (security stamp and
/// lockout), so it is refused until the user signs in again, and then joins only the groups the user now holds.
/// </summary>
public sealed class HubAccessChanges(InboxHubPresence presence, ILogger<HubAccessChanges> logger)
{
    private readonly Listeners<string> outgoing = new();

    /// <summary>Ends the user's connections here and asks the other web servers to do the same.</summary>
    public async Task EndConnectionsAsync(string userId)
    {
        EndHere(userId);
        await outgoing.NotifyAsync(userId, ex => logger.LogError(ex, "The other web servers could not be asked to end a user's live connections"));
    }

    /// <summary>For <see cref="RedisLiveRelay"/>: user ids whose connections the other servers must end.</summary>
    public IDisposable SubscribeOutgoing(Func<string, Task> handler) => outgoing.Subscribe(handler);

    /// <summary>Another web server changed the user's access: their connections here end too.</summary>
    public void FromOtherServer(string userId) => EndHere(userId);

    private void EndHere(string userId)
    {
        var ended = presence.AbortConnectionsOf(userId);
        if (ended > 0)
        {
            logger.LogInformation("Ended {Count} live connection(s) of a user whose access changed", ended);
        }
    }
}
