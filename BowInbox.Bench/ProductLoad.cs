using System.Diagnostics;

namespace BowInbox.Bench;

/// <summary>
/// Drives the running app: checks whether customer messages are relayed at all, then raises the rate step
/// by step until a step is not sustained (webhooks refused or late, or the backlog grew by more than one
/// second of traffic during the step).
/// </summary>
internal sealed class ProductLoad(
    AppProcess app,
    AppDatabase database,
    WebhookPayloads payloads,
    RelayTracker tracker,
    LoadGenerator load,
    BenchOptions options,
    TextWriter output)
{
    public bool RelayAvailable { get; private set; }

    public async Task ProbeRelayAsync(CancellationToken cancellationToken)
    {
        var probes = Math.Min(options.Sessions, 10);
        var result = await load.RunAsync(app.BaseUrl, 20, TimeSpan.FromSeconds(probes / 20.0), Message, tracker.MarkAccepted, cancellationToken);
        await WaitUntilAsync(() => Task.FromResult(tracker.Relayed >= result.Accepted), options.DrainTimeout, cancellationToken);
        RelayAvailable = tracker.Relayed > 0;
        output.WriteLine(RelayAvailable
            ? $"Relay: {tracker.Relayed} of {result.Accepted} probe messages relayed to providers."
            : "Relay: not available on this build (no probe message reached a provider); e2e is reported as 0.");
    }

    /// <summary>
    /// Unmeasured traffic on the relay path first, so that the steps measure the app, not the JIT compiling it
    /// and EF Core compiling its queries (the bare endpoint gets the same warm-up).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var result = await load.RunAsync(app.BaseUrl, options.WarmUpRate, options.WarmUpDuration, Message, tracker.MarkAccepted, cancellationToken);

        // A cold app falls behind during the warm-up: the first step starts only when it has caught up.
        await WaitUntilAsync(async () => await BacklogAsync(cancellationToken) <= 0, options.DrainTimeout + options.WarmUpDuration * 2, cancellationToken);
        output.WriteLine($"Warm-up: {result.Accepted} messages at {options.WarmUpRate}/s, not measured.");
    }

    /// <summary>
    /// Runs the rates in order until one is not sustained, then narrows the limit down between the last rate sustained
    /// and the first not (as the bare limit does), so that two runs can be compared closer than a step apart.
    /// </summary>
    public async Task<List<ProductStep>> RunStepsAsync(IEnumerable<int> rates, string label, CancellationToken cancellationToken)
    {
        var steps = new List<(LoadResult Load, ProductStep Step)>();
        async Task<bool> StepAsync(int rate)
        {
            var (result, step) = await OneStepAsync(rate, label, cancellationToken);
            steps.Add((result, step));

            // A step the app could not keep up with leaves a backlog: the next step starts only once it is worked off.
            await WaitUntilAsync(async () => await BacklogAsync(cancellationToken) <= 0, options.DrainTimeout + (step.Sustained ? TimeSpan.Zero : options.StepDuration), cancellationToken);
            return step.Sustained;
        }

        foreach (var rate in rates)
        {
            if (!await StepAsync(rate))
            {
                break;
            }
        }

        if (options.BareRefineSteps > 0 && BenchRunner.RefineBetween(steps.Select(s => (s.Step.TargetPerSecond, s.Step.Sustained))) is var (sustained, failed))
        {
            output.WriteLine($"  refining between {sustained}/s and {failed}/s:");
            for (var i = 0; i < options.BareRefineSteps && BenchRunner.NextRefinement(sustained, failed) is { } rate; i++)
            {
                if (await StepAsync(rate))
                {
                    sustained = rate;
                }
                else
                {
                    failed = rate;
                }
            }
        }

        // Late relays still count towards each step's latency: wait for stragglers before reading them.
        await WaitUntilAsync(async () => await BacklogAsync(cancellationToken) <= 0, options.DrainTimeout, cancellationToken);
        return steps.Select(s => s.Step with { EndToEnd = Percentiles.Of(tracker.EndToEndMilliseconds(s.Load.Tokens)) }).ToList();
    }

    private async Task<(LoadResult Result, ProductStep Step)> OneStepAsync(int rate, string label, CancellationToken cancellationToken)
    {
        var relayedBefore = tracker.Relayed;
        var processedBefore = await database.ProcessedEventsAsync(cancellationToken);
        var backlogBefore = await BacklogAsync(cancellationToken);
        app.SampleResources();
        var share = MachineShare.Start();

        var result = await load.RunAsync(app.BaseUrl, rate, options.StepDuration, Message, tracker.MarkAccepted, cancellationToken);

        var resources = app.SampleResources();
        var machine = share.Stop(resources.CpuSeconds);
        var seconds = Math.Max(options.StepDuration.TotalSeconds, result.ElapsedSeconds);
        var relayed = (tracker.Relayed - relayedBefore) / seconds;
        var processed = (await database.ProcessedEventsAsync(cancellationToken) - processedBefore) / seconds;
        var inboundBacklog = await database.InboundBacklogAsync(cancellationToken);
        var backlogGrowth = await BacklogAsync(cancellationToken) - backlogBefore;
        var sustained = result.KeptPace(options.StepDuration) && backlogGrowth <= AllowedGrowth(rate);

        var step = new ProductStep(rate, result.AcceptedPerSecond, result.Errors, result.Latency, Math.Round(processed, 1), inboundBacklog,
            Math.Round(relayed, 1), Percentiles.None, RelayAvailable ? tracker.Backlog : 0, resources, sustained)
        {
            AppCpuMsPerMessage = CpuMsPerMessage(resources.CpuSeconds, (RelayAvailable ? relayed : processed) * seconds),
            Machine = machine,
        };
        output.WriteLine($"  {label}{rate,5}/s: accepted {result.AcceptedPerSecond,7:0.0}/s p99 {result.Latency.P99,8:0.0} ms, processed {processed,7:0.0}/s, relayed {relayed,7:0.0}/s, " +
            $"backlog +{backlogGrowth}, app cpu {resources.CpuPercent}% ({step.AppCpuMsPerMessage} ms/msg) ws {resources.WorkingSetMb} MB, bench cpu {machine.BenchCpuPercent}%, others {Report.Number(machine.OthersCpuPercent)}%{(sustained ? "" : "  <- not sustained")}");
        return (result, step);
    }

    /// <summary>
    /// Steady load for the soak's length, reported per slice (a minute): what was taken in, webhook and end-to-end p99,
    /// the backlog and the app's working set at the slice's end. Growth is measured from the end of the warm-up.
    /// </summary>
    public async Task<SoakResult> SoakAsync(CancellationToken cancellationToken)
    {
        var rate = options.SoakRate;
        var slice = options.SoakSlice < options.SoakDuration ? options.SoakSlice : options.SoakDuration;
        var start = app.SampleResources();
        var relayedBefore = tracker.Relayed;
        var clock = Stopwatch.StartNew();
        var loads = new List<(LoadResult Load, long Backlog, double WorkingSetMb, double Minute)>();
        double? afterWarmUp = null;
        output.WriteLine($"Soak: {rate}/s for {options.SoakDuration.TotalMinutes:0.#} min, working set {start.WorkingSetMb} MB at start.");
        while (clock.Elapsed < options.SoakDuration)
        {
            var result = await load.RunAsync(app.BaseUrl, rate, slice, Message, tracker.MarkAccepted, cancellationToken);
            var sample = app.SampleResources();
            loads.Add((result, tracker.Backlog, sample.WorkingSetMb, Math.Round(clock.Elapsed.TotalMinutes, 2)));
            if (afterWarmUp is null && clock.Elapsed >= options.SoakWarmUp)
            {
                afterWarmUp = sample.WorkingSetMb;
            }

            output.WriteLine($"  {clock.Elapsed.TotalMinutes,5:0.0} min: accepted {result.AcceptedPerSecond,7:0.0}/s p99 {result.Latency.P99,8:0.0} ms, backlog {tracker.Backlog}, ws {sample.WorkingSetMb} MB");
        }

        var relayed = (tracker.Relayed - relayedBefore) / clock.Elapsed.TotalSeconds;
        var end = app.SampleResources();
        await WaitUntilAsync(async () => await BacklogAsync(cancellationToken) <= 0, options.DrainTimeout, cancellationToken);
        var slices = loads.Select(l => new SoakSlice(l.Minute, l.Load.AcceptedPerSecond, l.Load.Errors, l.Load.Latency.P99,
            Percentiles.Of(tracker.EndToEndMilliseconds(l.Load.Tokens)).P99, l.Backlog, l.WorkingSetMb)).ToList();
        var soak = new SoakResult(rate, Math.Round(clock.Elapsed.TotalMinutes, 1), slices.Sum(s => s.Errors), Math.Round(relayed, 1),
            start.WorkingSetMb, afterWarmUp ?? slices[0].WorkingSetMb, end.WorkingSetMb, end.PeakWorkingSetMb, slices);
        output.WriteLine($"Soak: working set {soak.WorkingSetAfterWarmUpMb} MB after warm-up, {end.WorkingSetMb} MB at end ({soak.GrowthAfterWarmUp:P1}), peak {end.PeakWorkingSetMb} MB, {soak.Errors} errors.");
        return soak;
    }

    /// <summary>
    /// What may still be in flight when a step ends: a twentieth of the step's messages, at most one second of
    /// traffic. Short (quick) steps get less slack, so a rate that only keeps up for a few seconds is not "sustained".
    /// </summary>
    private int AllowedGrowth(int rate) => (int)(rate * Math.Min(1.0, options.StepDuration.TotalSeconds / 20));

    public static double CpuMsPerMessage(double cpuSeconds, double messages) => messages <= 0 ? 0 : Math.Round(cpuSeconds * 1000 / messages, 2);

    private SignedWebhook Message(int i)
    {
        var session = i % options.Sessions;
        return options.IsReply(i)
            ? payloads.ProviderText(session, RelaySeeder.PoolPhoneNumberId(session % options.PoolNumbers), tracker.NewToken())
            : payloads.CustomerText(session, tracker.NewToken());
    }

    /// <summary>Work accepted but not finished: not yet relayed, or (without a relay) not yet processed.</summary>
    private async Task<long> BacklogAsync(CancellationToken cancellationToken)
        => RelayAvailable ? tracker.Backlog : await database.InboundBacklogAsync(cancellationToken);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !await done())
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
