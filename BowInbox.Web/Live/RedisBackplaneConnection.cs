using StackExchange.Redis;

namespace BowInbox.Web.Live;

/// <summary>
/// This server's own connection to the backplane's Redis server, for what SignalR's backplane does not carry (the
/// circuits' live updates) and for the health check. Connected on first use; it reconnects by itself after an outage.
/// </summary>
public sealed class RedisBackplaneConnection(string configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim connecting = new(1, 1);
    private ConnectionMultiplexer? redis;

    public async Task<ConnectionMultiplexer> GetAsync()
    {
        if (redis is { } connected)
        {
            return connected;
        }

        await connecting.WaitAsync();
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 2000;
            return redis ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }

        connecting.Dispose();
    }
}
