using System.Text.Json.Serialization;

namespace BowInbox.Web.Live;

public static class LiveSetup
{
    /// <summary>The inbox hub and the broadcaster that feeds it from <see cref="InboxEvents"/>.</summary>
    public static void AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<InboxHubPresence>();
        builder.Services.AddSingleton<InboxBroadcaster>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxBroadcaster>());
    }

    public static void MapLive(this WebApplication app)
        => app.MapHub<InboxHub>(InboxHub.Path).RequireAuthorization();
}
