using System.Diagnostics.Metrics;
using System.Net;
using BowInbox.Core.Scanning;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Live;
using BowInbox.Web.Observability;
using BowInbox.Web.Relay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BowInbox.Tests.Observability;

/// <summary>The app's own instruments count what happened, tagged by kind and outcome, never by who.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task A_stored_webhook_and_a_rejected_one_are_counted_and_timed_by_outcome_without_the_senders_number()
    {
        await using var app = new InboxAppFactory();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.webhook.requests");
        using var duration = new MetricCollector<double>(meters, InboxMetrics.MeterName, "bowinbox.webhook.duration");

        await ChannelTestData.CustomerWroteAsync(app);
        using var client = app.CreateBrowserlessClient();
        await Webhooks.PostUnsignedAsync(client, "{}"u8.ToArray(), signature: null);

        var counted = requests.GetMeasurementSnapshot();
        Assert.Equal(1, counted.Where(m => Equals(m.Tags["outcome"], "stored")).Sum(m => m.Value));
        Assert.Equal(1, counted.Where(m => Equals(m.Tags["outcome"], "bad_signature")).Sum(m => m.Value));
        Assert.All(counted, m => Assert.Equal(["outcome"], m.Tags.Keys));
        Assert.DoesNotContain(counted, m => m.Tags.Values.Any(v => v?.ToString()?.Contains(ChannelTestData.Customer, StringComparison.Ordinal) == true));
        Assert.Equal(2, duration.GetMeasurementSnapshot().Count);
        Assert.All(duration.GetMeasurementSnapshot(), m => Assert.True(m.Value > 0));
    }

    [Fact]
    public async Task A_sent_reply_is_queued_sent_and_timed_and_leaves_nothing_in_flight()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var queued = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.outbox.queued");
        using var sent = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.outbox.sent");
        using var inFlight = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.outbox.in_flight");
        using var latency = new MetricCollector<double>(meters, InboxMetrics.MeterName, "bowinbox.outbox.send.duration");

        var result = await app.Replies().ReplyAsync(ticketId, "A plumber is on the way", ChannelTestData.Agent);

        Assert.True(result.Succeeded, result.Message);
        await sent.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(15));
        Assert.Contains(queued.GetMeasurementSnapshot(), m => Equals(m.Tags["kind"], "Text"));
        var sentText = Assert.Single(sent.GetMeasurementSnapshot(), m => Equals(m.Tags["kind"], "Text"));
        Assert.Equal(1, sentText.Value);
        Assert.Contains(latency.GetMeasurementSnapshot(), m => Equals(m.Tags["outcome"], "sent") && m.Value > 0);
        Assert.Equal(0, inFlight.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task A_send_meta_refuses_is_counted_as_failed_with_its_error_code()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var failed = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.outbox.failed");
        app.Graph.RespondNext(HttpStatusCode.BadRequest, Fixtures.Text("send_error_400_131047.json"));

        await app.Replies().ReplyAsync(ticketId, "too late", ChannelTestData.Agent);

        await failed.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(15));
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("131047", failure.Tags["error.code"]);
        Assert.Equal(2, failure.Tags.Count);
    }

    [Fact]
    public async Task A_recorded_scanner_finding_is_counted_by_its_kind_and_action()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var hits = new MetricCollector<long>(meters, InboxMetrics.MeterName, "bowinbox.scanner.hits");
        var screening = app.Services.GetRequiredService<RelayScreening>();
        var scan = screening.ScanText(ContentPolicy.Default, "mail me at joe.plumber@example.com instead");
        var finding = Assert.Single(scan.Findings);
        Assert.Equal(ViolationKind.Email, finding.Kind);

        await using var db = app.CreateDbContext();
        await screening.RecordAsync(db, scan, ticketId, SenderKind.Provider, provider: null, messageId: null, new List<InboxChange>(), TestContext.Current.CancellationToken);

        var hit = Assert.Single(hits.GetMeasurementSnapshot());
        Assert.Equal(1, hit.Value);
        Assert.Equal("Email", hit.Tags["kind"]);
        Assert.Equal(finding.Action.ToString(), hit.Tags["action"]);
        Assert.DoesNotContain(hit.Tags.Values, v => v?.ToString()?.Contains("example.com", StringComparison.Ordinal) == true);
    }
}
