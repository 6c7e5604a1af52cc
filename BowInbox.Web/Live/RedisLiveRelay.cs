using System.Text.Json;
using BowInbox.Web.Alerts;
using BowInbox.Web.Sla;
using StackExchange.Redis;

namespace BowInbox.Web.Live;

/// <summary>
/// Behind the Redis backplane, passes this server's changes and alerts to the other web servers, and theirs to this
/// server's circuits (the live inbox and the alert centres), which SignalR's backplane does not reach. Only ids and the
/// alert views already sent to supervisors over the hub travel: no phone number. Work on a change stays with the
/// server that made it; here a change from elsewhere is only shown.
/// </summary>
public sealed class RedisLiveRelay(
    RedisBackplaneConnection redis,
    InboxEvents events,
    SlaAlertNotifier slaAlerts,
    SupervisorAlertNotifier supervisorAlerts,
    HubAccessChanges hubAccess,
    ILogger<RedisLiveRelay> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("BowInbox:live");

    /// <summary>The envelope kind that ends a user's hub connections on every server (it carries the user id only).</summary>
    public const string AccessChanged = "AccessChanged";

    private readonly string origin = Guid.NewGuid().ToString("N");
    private readonly List<IDisposable> subscriptions = [];
    private ISubscriber? subscriber;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        subscriber = (await redis.GetAsync()).GetSubscriber();
        try
        {
            // Known to the connection from here on: it subscribes again by itself whenever it reconnects.
            await subscriber.SubscribeAsync(Channel, (channel, message) => _ = ReceiveAsync(message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis is down: this server starts anyway (the health check says Degraded).
            logger.LogWarning(ex, "Could not subscribe to the other web servers' live updates; they show here after a reload until Redis answers");
        }

        // What the pages show; the other changes (a provider paused, an alert to raise) are work for this server alone.
        subscriptions.Add(events.Subscribe(change => change is MessageAdded or MessageStatusChanged or TicketChanged
            ? SendAsync(change.GetType().Name, JsonSerializer.Serialize(change, change.GetType()))
            : Task.CompletedTask));
        subscriptions.Add(slaAlerts.SubscribeOutgoing(alert => SendAsync(nameof(SlaAlertEvent), JsonSerializer.Serialize(alert))));
        subscriptions.Add(supervisorAlerts.SubscribeOutgoing(alert => SendAsync(nameof(SupervisorAlertEvent), JsonSerializer.Serialize(alert))));

        // A user deactivated or given another role here: their hub connections held by the other servers end too.
        subscriptions.Add(hubAccess.SubscribeOutgoing(userId => SendAsync(AccessChanged, JsonSerializer.Serialize(userId))));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscriptions.ForEach(s => s.Dispose());
        if (subscriber is not null)
        {
            await subscriber.UnsubscribeAsync(Channel);
        }
    }

    private async Task SendAsync(string kind, string json)
    {
        try
        {
            await subscriber!.PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(origin, kind, json)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "A live {Kind} was not passed on to the other web servers", kind);
        }
    }

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
            if (envelope is null || envelope.Origin == origin)
            {
                return;
            }

            var shown = envelope.Kind switch
            {
                nameof(MessageAdded) => events.FromOtherServerAsync(JsonSerializer.Deserialize<MessageAdded>(envelope.Json)!),
                nameof(MessageStatusChanged) => events.FromOtherServerAsync(JsonSerializer.Deserialize<MessageStatusChanged>(envelope.Json)!),
                nameof(TicketChanged) => events.FromOtherServerAsync(JsonSerializer.Deserialize<TicketChanged>(envelope.Json)!),
                nameof(SlaAlertEvent) => slaAlerts.FromOtherServerAsync(JsonSerializer.Deserialize<SlaAlertEvent>(envelope.Json)!),
                nameof(SupervisorAlertEvent) => supervisorAlerts.FromOtherServerAsync(JsonSerializer.Deserialize<SupervisorAlertEvent>(envelope.Json)!),
                AccessChanged => EndConnections(JsonSerializer.Deserialize<string>(envelope.Json)),
                _ => Task.CompletedTask,
            };
            await shown;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            logger.LogWarning(ex, "A live update from another web server could not be read");
        }
    }

    private Task EndConnections(string? userId)
    {
        if (!string.IsNullOrEmpty(userId))
        {
            hubAccess.FromOtherServer(userId);
        }

        return Task.CompletedTask;
    }

    private sealed record Envelope(string Origin, string Kind, string Json);
}
