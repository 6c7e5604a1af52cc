namespace BowInbox.Bench;

/// <summary>One load step against the product. Backlogs are counted at the moment the step ends.</summary>
public sealed record ProductStep(
    int TargetPerSecond,
    double WebhooksPerSecond,
    int Errors,
    Percentiles Webhook,
    double ProcessedPerSecond,
    int InboundBacklog,
    double RelayedPerSecond,
    Percentiles EndToEnd,
    long RelayBacklog,
    ResourceSample App,
    bool Sustained)
{
    /// <summary>
    /// The app's CPU time per message it relayed (processed, without a relay) during the step: what a message costs,
    /// steadier between runs on a shared machine than the highest rate sustained.
    /// </summary>
    public double AppCpuMsPerMessage { get; init; }

    /// <summary>What the bench and everything else used of the machine during the step.</summary>
    public MachineLoad? Machine { get; init; }
}

/// <summary>One load step against the bare endpoint (HMAC check and one insert).</summary>
public sealed record BareStep(int TargetPerSecond, double WebhooksPerSecond, int Errors, Percentiles Webhook, bool Sustained)
{
    /// <summary>What the bench (which serves the bare endpoint too) and everything else used of the machine during the step.</summary>
    public MachineLoad? Machine { get; init; }
}

public sealed record InboxQueryTiming(string Query, int Runs, int Rows, int Total, Percentiles Milliseconds);

public sealed record InboxQueryResult(int Tickets, double SeedSeconds, IReadOnlyList<InboxQueryTiming> Queries, string? SkippedBecause);

/// <summary>One slice (a minute) of the soak: p99s of the webhooks sent in it, backlog and working set at its end.</summary>
public sealed record SoakSlice(double Minute, double AcceptedPerSecond, int Errors, double WebhookP99Ms, double EndToEndP99Ms, long Backlog, double WorkingSetMb);

public sealed record SoakResult(
    int RatePerSecond,
    double Minutes,
    int Errors,
    double RelayedPerSecond,
    double WorkingSetStartMb,
    double WorkingSetAfterWarmUpMb,
    double WorkingSetEndMb,
    double PeakWorkingSetMb,
    IReadOnlyList<SoakSlice> Slices)
{
    /// <summary>How much the working set grew from the end of the warm-up to the end of the soak (0.05 is 5 %).</summary>
    public double GrowthAfterWarmUp => WorkingSetAfterWarmUpMb > 0 ? Math.Round((WorkingSetEndMb / WorkingSetAfterWarmUpMb) - 1, 3) : 0;
}

/// <summary>
/// The product's steps again with people watching (hub clients and live inbox pages), against the same steps without:
/// the drop is 1 − watched ÷ unwatched relayed messages a second at the highest rate each sustained.
/// </summary>
public sealed record WatchedRun(int HubConnections, int Circuits, string? CircuitsSkipped, long Pushes, IReadOnlyList<ProductStep> Steps, double UnwatchedPerSecond, double WatchedPerSecond)
{
    public double Drop => UnwatchedPerSecond > 0 ? Math.Round(1 - (WatchedPerSecond / UnwatchedPerSecond), 3) : 0;
}

/// <summary>The load average is part of the figures: other work on a shared machine slows the app's sequential workers most.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double MemoryGb, string Os, string Runtime, string LoadAverageAtStart, string LoadAverageAtEnd);

public sealed record BenchSummary(
    bool RelayAvailable,
    string? RelayNote,
    double EndToEndPerSecond,
    double EndToEndP99Ms,
    int HighestSustainedPerSecond,
    double WebhookP99Ms,
    double BareLimitPerSecond,
    bool BareLimitedByHighestStep,
    double BareRatio,
    string BareRatioBasis,
    long DuplicateRelays,
    double? BareRelayLimitPerSecond,
    double? BareRelayRatio)
{
    /// <summary>Of all messages relayed in the run (priming, warm-up and soak included), the providers' replies to customers.</summary>
    public long RepliesRelayed { get; init; }
}

public sealed record BenchResult(
    DateTimeOffset StartedAt,
    string Database,
    string Command,
    MachineInfo Machine,
    int Sessions,
    double StepSeconds,
    int GraphLatencyMs,
    double ReplyShare,
    IReadOnlyList<ProductStep> Product,
    IReadOnlyList<BareStep> Bare,
    IReadOnlyList<BareStep>? BareRelay,
    InboxQueryResult InboxQueries,
    WatchedRun? Watched,
    SoakResult? Soak,
    ResourceSample AppAtEnd,
    BenchSummary Summary)
{
    /// <summary>The figure line: relayed messages a second, webhook p99, the ratios to the bare limits, and the drop with people watching.</summary>
    public string FinalLine
    {
        get
        {
            var line = FormattableString.Invariant($"e2e_msgs_per_s={Summary.EndToEndPerSecond:0.#} webhook_p99_ms={Summary.WebhookP99Ms:0.##} bare_ratio={Summary.BareRatio:0.###}");
            if (Watched is not null)
            {
                line += FormattableString.Invariant($" watched_drop={Watched.Drop:0.###}");
            }

            return Summary.BareRelayRatio is { } relay ? line + FormattableString.Invariant($" relay_ratio={relay:0.###}") : line;
        }
    }
}
