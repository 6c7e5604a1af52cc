using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace BowInbox.Web.Live;

public static class LiveSetup
{
    /// <summary>Name of the connection string that turns on the Redis backplane (several web servers).</summary>
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// The inbox hub and the broadcaster that feeds it from <see cref="InboxEvents"/>. With a Redis connection string
    /// the hub uses a Redis backplane, so a change pushed by one web server reaches hub clients on every server, and
    /// <see cref="RedisLiveRelay"/> carries the changes and alerts to the other servers' circuits.
    /// </summary>
    public static void AddLive(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString(RedisConnectionName);
        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var scaledOut = !string.IsNullOrWhiteSpace(redis);
        if (scaledOut)
        {
            // The hub's own channels only: other users of the same Redis server are not disturbed.
            signalR.AddStackExchangeRedis(redis!, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("BowInbox"));
            builder.Services.AddSingleton(_ => new RedisBackplaneConnection(redis!)); // created by the container, so disposed with it
            builder.Services.AddHealthChecks().AddCheck<RedisBackplaneHealth>("redis-backplane");
            builder.Services.AddHostedService<RedisLiveRelay>();
        }

        builder.Services.AddSingleton(new InboxHubPresence(scaledOut));
        builder.Services.AddSingleton<HubAccessChanges>();
        builder.Services.AddSingleton<InboxBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxBroadcaster>());
    }

    /// <summary>The hub; a connection closes when the sign-in it was opened with expires.</summary>
    public static void MapLive(this WebApplication app)
        => app.MapHub<InboxHub>(InboxHub.Path, options => options.CloseOnAuthenticationExpiration = true).RequireAuthorization();
}
