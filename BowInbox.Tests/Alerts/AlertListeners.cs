using System.Collections.Concurrent;
using System.Text.Json;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using Microsoft.AspNetCore.SignalR.Client;

namespace BowInbox.Tests.Alerts;

/// <summary>Hub clients of several roles, each recording every supervisor alert pushed to it, raw as it came over the wire.</summary>
internal sealed class AlertListeners : IAsyncDisposable
{
    private readonly List<HubClient> clients = [];

    public Dictionary<string, ConcurrentQueue<string>> Received { get; } = [];

    /// <summary>The listeners' connections, to wait for a later marker on (<see cref="HubMarkers"/>).</summary>
    public Dictionary<string, HubClient> Clients { get; } = [];

    public static async Task<AlertListeners> ConnectAsync(InboxAppFactory app, params string[] emails)
    {
        var listeners = new AlertListeners();
        foreach (var email in emails)
        {
            var client = await HubClients.ConnectAsync(app, email);
            var calls = listeners.Received[email] = new();
            client.Connection.On<JsonElement>(SupervisorAlertNotifier.ClientMethod, payload => calls.Enqueue(payload.GetRawText()));
            listeners.clients.Add(client);
            listeners.Clients[email] = client;
        }

        return listeners;
    }

    /// <summary>The alerts of <paramref name="kind"/> pushed to <paramref name="email"/>, once at least one has arrived.</summary>
    public async Task<List<JsonElement>> WaitForAsync(string email, string kind)
    {
        await Eventually.TrueAsync(() => Of(email, kind).Count > 0, $"a {kind} alert to reach {email}");
        return Of(email, kind);
    }

    public List<JsonElement> Of(string email, string kind) => Received[email]
        .Select(json => JsonDocument.Parse(json).RootElement.GetProperty("alert"))
        .Where(alert => alert.GetProperty("kind").GetString() == kind)
        .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
