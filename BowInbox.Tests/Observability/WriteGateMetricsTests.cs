using System.Diagnostics.Metrics;
using BowInbox.Data;
using BowInbox.Web.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BowInbox.Tests.Observability;

public sealed class WriteGateMetricsTests
{
    [Fact]
    public async Task Each_turn_at_the_sqlite_write_gate_records_its_wait_by_priority_and_its_hold()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var waits = new MetricCollector<double>(meters, InboxMetrics.MeterName, "bowinbox.db.write_gate.wait");
        using var holds = new MetricCollector<double>(meters, InboxMetrics.MeterName, "bowinbox.db.write_gate.hold");
        var gate = new DatabaseWriteGate(serialize: true, new InboxMetrics(meters));

        var first = await gate.EnterAsync(TestContext.Current.CancellationToken);
        var urgent = gate.EnterUrgentAsync(TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(urgent.IsCompleted);
        first.Dispose();
        (await urgent).Dispose();

        var waited = waits.GetMeasurementSnapshot();
        Assert.Equal(["background", "urgent"], waited.Select(m => (string)m.Tags["priority"]!));
        Assert.True(waited[1].Value >= 0.04, $"the urgent writer waited {waited[1].Value}s for a turn held 50 ms");
        Assert.Equal(2, holds.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task A_server_database_gate_is_open_and_times_nothing()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var waits = new MetricCollector<double>(meters, InboxMetrics.MeterName, "bowinbox.db.write_gate.wait");
        var gate = new DatabaseWriteGate(serialize: false, new InboxMetrics(meters));

        (await gate.EnterAsync(TestContext.Current.CancellationToken)).Dispose();

        Assert.Empty(waits.GetMeasurementSnapshot());
    }
}
