using System.Diagnostics.Metrics;
using BowInbox.Tests.Live;
using BowInbox.Tests.Support;
using BowInbox.Web.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BowInbox.Tests.Observability;

public sealed class HubConnectionMetricsTests
{
    [Fact]
    public async Task A_hub_connection_counts_up_while_open_and_down_when_it_closes()
    {
        await using var app = new InboxAppFactory();
        using var connections = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), InboxMetrics.MeterName, "bowinbox.hub.connections");

        var client = await HubClients.ConnectAsync(app, LiveTestData.Intake);
        await connections.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, connections.GetMeasurementSnapshot().Sum(m => m.Value));

        await client.DisposeAsync();
        await connections.WaitForMeasurementsAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(0, connections.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(connections.GetMeasurementSnapshot(), m => Assert.Empty(m.Tags));
    }
}
