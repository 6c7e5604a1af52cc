using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BowInbox.Bench;

/// <summary>The run as a markdown table on the console, as JSON in the results folder, and the one-line summary.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Directions(double replyShare) => replyShare == 0
        ? "customers writing to providers"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{replyShare:0.##} of messages providers' replies");

    public static string Markdown(BenchResult result)
    {
        var s = result.Summary;
        var md = new StringBuilder();
        Line(md, $"## BowInbox benchmark ({result.Database}, {result.Sessions} relay sessions, {Directions(result.ReplyShare)}, {result.StepSeconds:0.#} s steps, Graph API answers {(result.GraphLatencyMs == 0 ? "at once" : $"after {result.GraphLatencyMs} ms")})");
        md.AppendLine();
        Line(md, $"Machine: {result.Machine.Cores} cores, {result.Machine.CpuModel}, {result.Machine.MemoryGb:0.#} GB RAM, {result.Machine.Os}, {result.Machine.Runtime}; load average {result.Machine.LoadAverageAtStart} at start, {result.Machine.LoadAverageAtEnd} at end");
        md.AppendLine();
        ProductTable(md, result.Product, s.RelayAvailable);
        if (result.Watched is { } watched)
        {
            md.AppendLine();
            Line(md, $"With people watching ({watched.HubConnections} hub connections, {watched.Circuits} live inbox pages, {watched.Pushes:N0} hub messages pushed{(watched.CircuitsSkipped is null ? "" : $"; circuits skipped: {watched.CircuitsSkipped}")}):");
            md.AppendLine();
            ProductTable(md, watched.Steps, s.RelayAvailable);
        }

        BareTable(md, "Bare limit (HMAC check + one insert into the same database, same load):", result.Bare);
        if (result.BareRelay is { } bareRelay)
        {
            BareTable(md, "Bare relay (the bare endpoint, then the webhook's text sent on through the fake Graph API, same load):", bareRelay);
        }

        md.AppendLine();
        var inbox = result.InboxQueries;
        if (inbox.SkippedBecause is not null)
        {
            Line(md, $"Inbox queries: skipped ({inbox.SkippedBecause}).");
        }
        else
        {
            Line(md, $"Inbox queries over {inbox.Tickets:N0} tickets (seeded in {inbox.SeedSeconds:0.#} s), `InboxQueries.ListAsync` as an intake agent:");
            md.AppendLine();
            md.AppendLine("| query | runs | rows | total | p50 ms | p95 ms |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var q in inbox.Queries)
            {
                Line(md, $"| {q.Query} | {q.Runs} | {q.Rows} | {q.Total} | {q.Milliseconds.P50:0.##} | {q.Milliseconds.P95:0.##} |");
            }
        }

        if (result.Soak is { } soak)
        {
            SoakTable(md, soak);
        }

        md.AppendLine();
        Line(md, s.RelayAvailable
            ? (FormattableString)$"End to end: {s.EndToEndPerSecond:0.#} relayed msgs/s sustained (p99 {s.EndToEndP99Ms:0.#} ms); {s.DuplicateRelays} duplicate relays; {s.RepliesRelayed} providers' replies relayed in the run."
            : $"End to end: not available — {s.RelayNote}");
        Line(md, $"Highest sustained webhook rate: {s.HighestSustainedPerSecond}/s (webhook p99 {s.WebhookP99Ms:0.##} ms). App at end: {result.AppAtEnd.WorkingSetMb:0} MB, peak {result.AppAtEnd.PeakWorkingSetMb:0} MB.");
        Line(md, $"Bare limit: {(s.BareLimitedByHighestStep ? "≥ " : "")}{s.BareLimitPerSecond:0.#}/s; bare_ratio {s.BareRatio:0.###} ({s.BareRatioBasis}).");
        if (s.BareRelayLimitPerSecond is { } bareRelayLimit)
        {
            Line(md, $"Bare relay limit: {bareRelayLimit:0.#}/s ({bareRelayLimit / Math.Max(1, s.BareLimitPerSecond):0.###} of the bare limit); the product reaches {s.BareRelayRatio:0.###} of it (relay_ratio).");
        }

        if (result.Watched is { } w)
        {
            Line(md, $"Watched: {w.WatchedPerSecond:0.#} relayed msgs/s sustained with people watching, {w.UnwatchedPerSecond:0.#} without; drop {w.Drop * 100:0.#} %.");
        }

        return md.ToString();
    }

    private static void ProductTable(StringBuilder md, IReadOnlyList<ProductStep> steps, bool relayAvailable)
    {
        md.AppendLine("| target/s | accepted/s | errors | webhook p50 ms | p95 ms | p99 ms | processed/s | relayed/s | e2e p99 ms | inbound backlog | relay backlog | app CPU % | app CPU ms/msg | app MB | bench CPU % | others CPU % | sustained |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var p in steps)
        {
            var e2e = relayAvailable ? Number(p.EndToEnd.P99) : "n/a";
            var relayed = relayAvailable ? Number(p.RelayedPerSecond) : "n/a";
            Line(md, $"| {p.TargetPerSecond} | {p.WebhooksPerSecond:0.#} | {p.Errors} | {p.Webhook.P50:0.##} | {p.Webhook.P95:0.##} | {p.Webhook.P99:0.##} | {p.ProcessedPerSecond:0.#} | {relayed} | {e2e} | {p.InboundBacklog} | {p.RelayBacklog} | {p.App.CpuPercent:0.#} | {p.AppCpuMsPerMessage:0.##} | {p.App.WorkingSetMb:0} | {Number(p.Machine?.BenchCpuPercent)} | {Number(p.Machine?.OthersCpuPercent)} | {(p.Sustained ? "yes" : "no")} |");
        }
    }

    private static void SoakTable(StringBuilder md, SoakResult soak)
    {
        md.AppendLine();
        Line(md, $"Soak: {soak.RatePerSecond}/s for {soak.Minutes:0.#} min, {soak.Errors} errors, relayed {soak.RelayedPerSecond:0.#}/s; app working set {soak.WorkingSetStartMb:0} MB at start, {soak.WorkingSetAfterWarmUpMb:0} MB after warm-up, {soak.WorkingSetEndMb:0} MB at end ({soak.GrowthAfterWarmUp * 100:0.#} % after warm-up; peak {soak.PeakWorkingSetMb:0} MB).");
        md.AppendLine();
        md.AppendLine("| minute | accepted/s | errors | webhook p99 ms | e2e p99 ms | relay backlog | app MB |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var slice in soak.Slices)
        {
            Line(md, $"| {slice.Minute:0.##} | {slice.AcceptedPerSecond:0.#} | {slice.Errors} | {slice.WebhookP99Ms:0.##} | {slice.EndToEndP99Ms:0.##} | {slice.Backlog} | {slice.WorkingSetMb:0} |");
        }
    }

    private static void BareTable(StringBuilder md, string title, IReadOnlyList<BareStep> steps)
    {
        md.AppendLine();
        md.AppendLine(title);
        md.AppendLine();
        md.AppendLine("| target/s | accepted/s | errors | p50 ms | p95 ms | p99 ms | bench CPU % | others CPU % | sustained |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var b in steps)
        {
            Line(md, $"| {b.TargetPerSecond} | {b.WebhooksPerSecond:0.#} | {b.Errors} | {b.Webhook.P50:0.##} | {b.Webhook.P95:0.##} | {b.Webhook.P99:0.##} | {Number(b.Machine?.BenchCpuPercent)} | {Number(b.Machine?.OthersCpuPercent)} | {(b.Sustained ? "yes" : "no")} |");
        }
    }

    public static async Task<string> WriteJsonAsync(BenchResult result, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{result.StartedAt:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json), cancellationToken);
        return file;
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A figure the machine may not tell (no /proc/stat): "n/a" then.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : "n/a";

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
