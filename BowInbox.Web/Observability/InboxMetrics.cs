using System.Diagnostics.Metrics;
using BowInbox.Core.Channel;
using BowInbox.Core.Scanning;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;

namespace BowInbox.Web.Observability;

/// <summary>
/// The app's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. Tags are kinds, outcomes and
/// error codes only: never a ticket, a number, a name or anything else that identifies someone.
/// </summary>
public sealed class InboxMetrics : IWriteGateObserver
{
    public const string MeterName = "BowInbox";

    private readonly Counter<long> webhookRequests;
    private readonly Histogram<double> webhookDuration;
    private readonly Gauge<int> inboundBacklog;
    private readonly Histogram<int> inboundGroupSize;
    private readonly Histogram<double> gateWait;
    private readonly Histogram<double> gateHold;
    private readonly Counter<long> outboxQueued;
    private readonly UpDownCounter<long> outboxInFlight;
    private readonly Counter<long> outboxSent;
    private readonly Counter<long> outboxFailed;
    private readonly Histogram<double> outboxSendDuration;
    private readonly Counter<long> slaAlerts;
    private readonly Counter<long> scannerHits;
    private readonly UpDownCounter<long> hubConnections;

    public InboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        webhookRequests = meter.CreateCounter<long>("bowinbox.webhook.requests", "{request}", "WhatsApp webhook POSTs answered, by outcome.");
        webhookDuration = meter.CreateHistogram<double>("bowinbox.webhook.duration", "s", "Time to answer a WhatsApp webhook POST, by outcome.");
        inboundBacklog = meter.CreateGauge<int>("bowinbox.inbound.backlog", "{event}", $"Stored webhook events waiting to be processed, as the processor last read them (it reads {InboundBacklogCap} at most).");
        inboundGroupSize = meter.CreateHistogram<int>("bowinbox.inbound.group.size", "{event}", "Inbound events applied together in one transaction.");
        gateWait = meter.CreateHistogram<double>("bowinbox.db.write_gate.wait", "s", "Time a writer waited for its turn at the SQLite write gate, by priority.");
        gateHold = meter.CreateHistogram<double>("bowinbox.db.write_gate.hold", "s", "Time a writer held the SQLite write gate.");
        outboxQueued = meter.CreateCounter<long>("bowinbox.outbox.queued", "{message}", "Outbox rows added to a unit of work, by kind.");
        outboxInFlight = meter.CreateUpDownCounter<long>("bowinbox.outbox.in_flight", "{message}", "Outbox sends waiting on the Graph API.");
        outboxSent = meter.CreateCounter<long>("bowinbox.outbox.sent", "{message}", "Outbox rows the Graph API accepted, by kind.");
        outboxFailed = meter.CreateCounter<long>("bowinbox.outbox.failed", "{message}", "Outbox sends that failed, by error kind and Graph API error code.");
        outboxSendDuration = meter.CreateHistogram<double>("bowinbox.outbox.send.duration", "s", "Time one outbox send took, by outcome.");
        slaAlerts = meter.CreateCounter<long>("bowinbox.sla.alerts", "{alert}", "SLA alerts raised, by level and clock.");
        scannerHits = meter.CreateCounter<long>("bowinbox.scanner.hits", "{finding}", "Content policy findings recorded, by kind and action.");
        hubConnections = meter.CreateUpDownCounter<long>("bowinbox.hub.connections", "{connection}", "Open live inbox hub connections on this server.");
    }

    /// <summary>The most events <see cref="InboundBacklogObserved"/> is told about: a backlog this size may be larger.</summary>
    public const int InboundBacklogCap = 200;

    public void WebhookAnswered(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        webhookRequests.Add(1, tag);
        webhookDuration.Record(duration.TotalSeconds, tag);
    }

    public void InboundBacklogObserved(int pending) => inboundBacklog.Record(pending);

    public void InboundGroupApplied(int events) => inboundGroupSize.Record(events);

    public void Waited(TimeSpan waited, bool urgent)
        => gateWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("priority", urgent ? "urgent" : "background"));

    public void Held(TimeSpan held) => gateHold.Record(held.TotalSeconds);

    public void OutboxQueued(OutboxKind kind) => outboxQueued.Add(1, KindTag(kind));

    public void OutboxSendStarted() => outboxInFlight.Add(1);

    /// <summary>A send cut off by the app stopping: no longer in flight, neither sent nor failed.</summary>
    public void OutboxSendAbandoned() => outboxInFlight.Add(-1);

    /// <summary>One send answered (or given up on): in flight no more, counted as sent or failed, timed.</summary>
    public void OutboxSendEnded(OutboxKind kind, SendFailure? failure, TimeSpan duration)
    {
        // Counted last: whoever watches the count sees the duration and the in-flight change already recorded.
        outboxInFlight.Add(-1);
        outboxSendDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", failure is null ? "sent" : "failed"));
        if (failure is null)
        {
            outboxSent.Add(1, KindTag(kind));
            return;
        }

        outboxFailed.Add(
            1,
            new KeyValuePair<string, object?>("error.type", failure.Kind.ToString()),
            new KeyValuePair<string, object?>("error.code", failure.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
    }

    public void SlaAlertRaised(BowInbox.Core.Sla.SlaAlert alert)
        => slaAlerts.Add(1, new KeyValuePair<string, object?>("level", alert.Level.ToString()), new KeyValuePair<string, object?>("clock", alert.Kind.ToString()));

    public void ScannerHit(ViolationKind kind, PolicyAction action)
        => scannerHits.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("action", action.ToString()));

    public void HubConnected() => hubConnections.Add(1);

    public void HubDisconnected() => hubConnections.Add(-1);

    private static KeyValuePair<string, object?> KindTag(OutboxKind kind) => new("kind", kind.ToString());
}
