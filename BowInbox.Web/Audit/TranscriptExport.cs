using System.Globalization;
using System.Text;
using System.Text.Json;
using BowInbox.Web.Inbox;
using BowInbox.Web.Labels;

namespace BowInbox.Web.Audit;

/// <summary>Transcript files. Both carry what the page shows: aliases and masked texts, never a real number.</summary>
public static class TranscriptExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static string ToJson(Transcript transcript)
        => JsonSerializer.Serialize(new
        {
            transcript.Ticket,
            transcript.Messages,
            transcript.UnattachedViolations,
            transcript.Offers,
            transcript.RelaySessions,
            transcript.SlaTargets,
            transcript.SlaAlerts,
            transcript.Timeline,
        }, Json);

    /// <summary>One row per event in time order: messages, violations, offers, relay sessions, SLA alerts and timeline entries.</summary>
    public static string ToCsv(Transcript transcript)
    {
        var rows = new List<(DateTime At, string[] Cells)>();
        foreach (var m in transcript.Messages)
        {
            rows.Add((m.At, ["message", DisplayNames.Of(m.Direction), m.Author, m.Text ?? "", m.OriginalText ?? "", m.DeliveryStatus, string.Join("; ", m.Deliveries.Select(d => $"{d.Status} {Time(d.At)}"))]));
            rows.AddRange(m.Violations.Select(v => (v.At, Violation(v))));
        }

        rows.AddRange(transcript.UnattachedViolations.Select(v => (v.At, Violation(v))));
        rows.AddRange(transcript.Offers.Select(o => (o.OfferedAt, new[] { "offer", o.Status, o.Provider, $"attempt {o.Attempt}" + (o.Group is null ? "" : $", {o.Group}"), "", o.PoolNumber ?? "", o.RespondedAt is { } r ? $"responded {Time(r)}" : $"expires {Time(o.ExpiresAt)}" })));
        rows.AddRange(transcript.RelaySessions.Select(s => (s.OpenedAt, new[] { "relay-session", s.ClosedAt is null ? "open" : "closed", s.Provider, s.CloseReason ?? "", "", s.PoolNumber, s.ClosedAt is { } c ? $"closed {Time(c)}" : "" })));
        rows.AddRange(transcript.SlaAlerts.Select(a => (a.RaisedAt, new[] { "sla-alert", a.Level, a.Target, $"due {Time(a.DueAt)}", a.AcknowledgeNote ?? "", "", a.AcknowledgedBy is null ? "" : $"acknowledged by {a.AcknowledgedBy}" })));
        rows.AddRange(transcript.Timeline.Select(e => (e.At, new[] { "timeline", e.Kind, e.Actor ?? "", e.Detail, "", "", "" })));

        var csv = new StringBuilder();
        var references = transcript.Ticket.ExternalReferences.Count == 0 ? "" : $", external reference {string.Join("; ", transcript.Ticket.ExternalReferences)}";
        csv.AppendLine(Cell($"# Ticket {transcript.Ticket.Id}, customer {transcript.Ticket.CustomerAlias} {transcript.Ticket.CustomerFirstName}, status {transcript.Ticket.Status}{references}"));
        csv.AppendLine(string.Join(',', new[] { "at", "entry", "kind", "who", "text", "original", "status or number", "details" }.Select(Cell)));
        foreach (var (at, cells) in rows.OrderBy(r => r.At))
        {
            csv.AppendLine(string.Join(',', new[] { Time(at) }.Concat(cells).Select(Cell)));
        }

        return csv.ToString();
    }

    private static string[] Violation(TranscriptViolation v)
        => ["violation", v.Action, v.Sender + (v.Provider is null ? "" : $" {v.Provider}"), v.Kind, v.Found, "", v.MessageId is { } id ? $"message {id}" : "not relayed"];

    // Exports are read anywhere, so in UTC, in the format every page uses.
    private static string Time(DateTime at) => UserClock.Utc.ExactToSecond(at);

    // Quotes every cell, and defuses spreadsheet formulas (OWASP's list: = + - @ tab and carriage return first), since
    // message texts and names come from strangers.
    internal static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
