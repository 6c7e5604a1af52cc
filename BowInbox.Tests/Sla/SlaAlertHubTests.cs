using System.Collections.Concurrent;
using System.Text.Json;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Sla;
using Microsoft.AspNetCore.SignalR.Client;
using static BowInbox.Tests.Sla.SlaTargets;

namespace BowInbox.Tests.Sla;

public sealed class SlaAlertHubTests
{
    [Fact]
    public async Task Breach_reaches_supervisors_and_admins_but_not_technicians_or_intake()
    {
        await using var app = new SlaTestApp();
        await app.SetPolicyAsync(null, Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5)]);
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "water everywhere", "15557200001");
        await app.OfferAsync(ticketId, "Plumbers - Downtown", "Tom Baker");
        await app.SetPolicyAsync(await app.GroupIdAsync("Plumbers - Downtown"), Urgency.Normal, [Minutes(SlaTargetKind.FirstResponse, 5)]);

        // Time moves before anyone connects, so the connections never see the clock jump.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var received = new Dictionary<string, ConcurrentQueue<string>>();
        var clients = new List<HubClient>();
        foreach (var email in new[] { "supervisor@demo.local", "admin@demo.local", "tech1@demo.local", "intake@demo.local" })
        {
            var client = await HubClients.ConnectAsync(app, email);
            var calls = received[email] = new();
            client.Connection.On<JsonElement>(SlaAlertNotifier.ClientMethod, payload => calls.Enqueue(payload.GetRawText()));
            clients.Add(client);
        }

        try
        {
            await app.RunMonitorAsync();

            foreach (var staff in new[] { "supervisor@demo.local", "admin@demo.local" })
            {
                await Eventually.TrueAsync(() => !received[staff].IsEmpty, $"the breach to reach {staff}");
                var alert = JsonDocument.Parse(received[staff].Single()).RootElement.GetProperty("alert");
                Assert.Equal(ticketId, alert.GetProperty("ticketId").GetInt32());
                Assert.Equal("Breach", alert.GetProperty("level").GetString());
                Assert.Equal("FirstResponse", alert.GetProperty("kind").GetString());
                Assert.Equal("Tom Baker", alert.GetProperty("responsible").GetString());
                Assert.Equal("Plumbers - Downtown", alert.GetProperty("groupName").GetString());
                Assert.DoesNotContain("15557200001", received[staff].Single(), StringComparison.Ordinal);
            }

            await HubMarkers.PassOnTicketAsync(app, ticketId, clients[2], clients[3]);
            Assert.Empty(received["tech1@demo.local"]);
            Assert.Empty(received["intake@demo.local"]);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
