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

public sealed record SoakResult(int RatePerSecond, double Minutes, int Errors, double RelayedPerSecond, double WorkingSetStartMb, double WorkingSetEndMb, double PeakWorkingSetMb);

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
    SoakResult? Soak,
    ResourceSample AppAtEnd,
    BenchSummary Summary)
{
    public string FinalLine => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"e2e_msgs_per_s={Summary.EndToEndPerSecond:0.#} webhook_p99_ms={Summary.WebhookP99Ms:0.##} bare_ratio={Summary.BareRatio:0.###}");
}
