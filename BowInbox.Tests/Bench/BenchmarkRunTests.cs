using System.Text.Json;
using System.Text.RegularExpressions;
using BowInbox.Bench;

namespace BowInbox.Tests.Bench;

/// <summary>
/// The benchmark in a tiny configuration, against the real app started as a process: it must keep working.
/// Speed is not asserted here; it depends on the machine and is what the benchmark itself reports.
/// </summary>
public sealed partial class BenchmarkRunTests
{
    [Fact]
    public async Task Tiny_benchmark_run_completes_with_the_summary_line_and_a_json_result()
    {
        var results = Path.Combine(Path.GetTempPath(), "bowinbox-bench-test-" + Guid.NewGuid().ToString("N"));
        var options = new BenchOptions
        {
            Sessions = 10,
            PoolNumbers = 3,
            Rates = [20, 40],
            BareCeiling = 60,
            StepDuration = TimeSpan.FromSeconds(1),
            DrainTimeout = TimeSpan.FromSeconds(1),
            Workers = 8,
            WarmUpRate = 20,
            WarmUpDuration = TimeSpan.FromSeconds(1),
            InboxTickets = 1_000,
            InboxQueryRuns = 2,
            ReplyShare = 0.5,
            ProductCeiling = 60,
            BareRefineSteps = 1,
            HubWatchers = 4,
            InboxCircuits = Watchers.Chromium() is null ? 0 : 1,
            Soak = true,
            SoakRate = 20,
            SoakDuration = TimeSpan.FromSeconds(2),
            SoakWarmUp = TimeSpan.FromSeconds(1),
            SoakSlice = TimeSpan.FromSeconds(1),
            ResultsFolder = results,
        };
        using var output = new StringWriter();

        try
        {
            var result = await BenchRunner.RunAsync(options, output).WaitAsync(TimeSpan.FromSeconds(180));

            var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Matches(FinalLine(), lines[^1]);
            Assert.Contains(lines, l => l.StartsWith("| target/s |", StringComparison.Ordinal));
            Assert.NotEmpty(result.Product);
            Assert.NotEmpty(result.Bare);

            // The bare relay's every webhook was answered only after its send through the fake Graph API was.
            Assert.NotNull(result.BareRelay);
            Assert.NotEmpty(result.BareRelay);
            Assert.All(result.BareRelay, step => Assert.Equal(0, step.Errors));
            Assert.True(result.Summary.BareRelayLimitPerSecond > 0);
            Assert.True(result.Summary.BareRelayRatio > 0);
            Assert.Contains(" relay_ratio=", lines[^1], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Bare relay limit:", StringComparison.Ordinal));
            Assert.Equal(0, result.Summary.DuplicateRelays);

            // Half the messages were providers' replies on their pool numbers, relayed to customers from the central number.
            Assert.True(result.Summary.RepliesRelayed > 0, "no provider's reply reached a customer");
            Assert.Contains("0.5 of messages providers' replies", lines.First(l => l.StartsWith("## BowInbox benchmark", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.All(result.InboxQueries.Queries, q => Assert.True(q.Rows > 0, $"'{q.Query}' found nothing in the seeded tickets"));

            // People watched a second ladder: signed in over the real login form, they were pushed the relayed messages.
            var watched = Assert.IsType<WatchedRun>(result.Watched);
            Assert.Equal(4, watched.HubConnections);
            Assert.Equal(options.InboxCircuits, watched.Circuits);
            Assert.True(watched.Pushes > 0, "no hub message reached the watchers");
            Assert.NotEmpty(watched.Steps);
            Assert.True(watched.UnwatchedPerSecond > 0 && watched.WatchedPerSecond > 0);
            Assert.Contains(" watched_drop=", lines[^1], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Watched: ", StringComparison.Ordinal));

            // The soak reports each slice, and the working set after its warm-up and at its end.
            var soak = Assert.IsType<SoakResult>(result.Soak);
            Assert.Equal(20, soak.RatePerSecond);
            Assert.True(soak.Slices.Count >= 2, $"{soak.Slices.Count} soak slices");
            Assert.All(soak.Slices, slice => Assert.True(slice.AcceptedPerSecond > 0 && slice.WorkingSetMb > 0));
            Assert.True(soak.WorkingSetAfterWarmUpMb > 0 && soak.WorkingSetEndMb > 0);
            Assert.Contains(lines, l => l.StartsWith("| minute | accepted/s |", StringComparison.Ordinal));

            var json = Assert.Single(Directory.GetFiles(results, "*.json"));
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            Assert.Equal(result.Product.Count, document.RootElement.GetProperty("product").GetArrayLength());
            Assert.True(document.RootElement.GetProperty("summary").TryGetProperty("bare_ratio", out _));

            // Every step that relayed something says what a message cost the app.
            Assert.All(result.Product.Where(p => p.RelayedPerSecond > 0), p => Assert.True(p.AppCpuMsPerMessage > 0, $"the {p.TargetPerSecond}/s step has no CPU per message"));
            Assert.True(document.RootElement.GetProperty("product")[0].GetProperty("app_cpu_ms_per_message").GetDouble() > 0);

            // Every step says what the bench and everything else took of the machine, so a slow step can be read against it.
            Assert.All(result.Product.Select(p => p.Machine).Concat(result.Bare.Select(b => b.Machine)), machine =>
            {
                Assert.NotNull(machine);
                Assert.True(machine.BenchCpuPercent > 0, "the bench drove load but used no CPU");
                Assert.Equal(File.Exists("/proc/stat"), machine.OthersCpuPercent is >= 0);
            });
            Assert.Contains(lines, l => l.Contains("| bench CPU % | others CPU % |", StringComparison.Ordinal));
            Assert.True(document.RootElement.GetProperty("product")[0].GetProperty("machine").TryGetProperty("others_cpu_percent", out _));
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    [Fact]
    public void Cpu_per_message_is_the_apps_cpu_time_over_the_messages_of_the_step()
    {
        Assert.Equal(1.5, ProductLoad.CpuMsPerMessage(3, 2000));
        Assert.Equal(0, ProductLoad.CpuMsPerMessage(3, 0));
    }

    [Fact]
    public void The_bare_endpoint_goes_on_past_the_products_rates_half_as_fast_again_up_to_the_ceiling()
    {
        Assert.Equal([100, 1000, 1500, 2250, 3000], BenchRunner.BareRates(new BenchOptions { Rates = [100, 1000], BareCeiling = 3000 }));
        Assert.Equal([100, 1000], BenchRunner.BareRates(new BenchOptions { Rates = [100, 1000], BareCeiling = 800 }));
        Assert.Equal(5000, BenchOptions.Parse(["--bare-ceiling", "5000"]).BareCeiling);
    }

    [Fact]
    public void The_bare_limit_is_narrowed_down_between_the_last_rate_sustained_and_the_first_not()
    {
        static BareStep Step(int rate, bool sustained) => new(rate, sustained ? rate : rate * 0.9, 0, Percentiles.None, sustained);

        // Found by the walk: refine between 5,062 and 7,593, at their geometric middle first.
        List<BareStep> walk = [Step(3375, true), Step(5062, true), Step(7593, false)];
        Assert.Equal((5062, 7593), BenchRunner.RefineBetween(walk));
        Assert.Equal(6200, BenchRunner.NextRefinement(5062, 7593));
        Assert.Equal(5602, BenchRunner.NextRefinement(5062, 6200));

        // The limit is what the highest rate sustained took in, whatever order the refinement ran its steps in.
        Assert.Equal(5602, BenchRunner.Limit([.. walk, Step(6200, false), Step(5602, true)]));
        Assert.Equal(6200, BenchRunner.Limit([.. walk, Step(6200, true), Step(6861, false)]));

        // Nothing to refine when the ceiling was reached, nothing was sustained, or the rates are within 5 %.
        Assert.Null(BenchRunner.RefineBetween([Step(100, true), Step(150, true)]));
        Assert.Null(BenchRunner.RefineBetween([Step(100, false)]));
        Assert.Null(BenchRunner.NextRefinement(1000, 1040));
        Assert.Equal(2, BenchOptions.Parse([]).BareRefineSteps);
        Assert.Equal(0, BenchOptions.Parse(["--bare-refine", "0"]).BareRefineSteps);
    }

    [Fact]
    public void Replies_are_spread_evenly_through_the_messages_by_their_share()
    {
        Assert.Equal([false, true, false, true], Enumerable.Range(0, 4).Select(new BenchOptions { ReplyShare = 0.5 }.IsReply));
        Assert.DoesNotContain(true, Enumerable.Range(0, 100).Select(new BenchOptions().IsReply));
        Assert.Equal(25, Enumerable.Range(0, 100).Count(new BenchOptions { ReplyShare = 0.25 }.IsReply));
        Assert.Equal(0.5, BenchOptions.Parse(["--replies", "0.5"]).ReplyShare);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--replies", "1.5"]));
    }

    [Fact]
    public void The_bare_relay_is_part_of_every_run_unless_turned_off()
    {
        Assert.True(BenchOptions.Parse([]).BareRelay);
        Assert.True(BenchOptions.Parse(["--quick"]).BareRelay);
        Assert.False(BenchOptions.Parse(["--quick", "--no-bare-relay"]).BareRelay);
    }

    [Fact]
    public void The_product_goes_on_past_its_rates_a_quarter_faster_each_step_up_to_the_ceiling()
    {
        Assert.Equal([100, 1000, 1250, 1562, 1952, 2000], BenchRunner.ProductRates(new BenchOptions { Rates = [100, 1000], ProductCeiling = 2000 }));
        Assert.Equal([100, 1000], BenchRunner.ProductRates(new BenchOptions { Rates = [100, 1000], ProductCeiling = 900 }));
        Assert.Equal(20_000, BenchOptions.Parse(["--quick"]).ProductCeiling);
        Assert.Equal(3000, BenchOptions.Parse(["--product-ceiling", "3000"]).ProductCeiling);
    }

    [Fact]
    public void People_watch_a_quick_run_unless_told_otherwise_and_the_soak_runs_at_500_a_second()
    {
        var quick = BenchOptions.Parse(["--quick"]);
        Assert.Equal(100, quick.HubWatchers);
        Assert.Equal(5, quick.InboxCircuits);
        Assert.Equal(500, quick.SoakRate);
        var quiet = BenchOptions.Parse(["--quick", "--watchers", "0", "--circuits", "0", "--soak-rate", "800"]);
        Assert.Equal((0, 0, 800), (quiet.HubWatchers, quiet.InboxCircuits, quiet.SoakRate));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--watchers", "-1"]));
    }

    [Fact]
    public void The_drop_with_people_watching_compares_the_highest_rates_sustained()
    {
        static ProductStep Step(int rate, double relayed, bool sustained)
            => new(rate, rate, 0, Percentiles.None, relayed, 0, relayed, Percentiles.None, 0, new ResourceSample(0, 0, 0, 0), sustained);

        // Refinement runs steps out of order: the highest rate sustained counts, not the last step sustained.
        List<ProductStep> steps = [Step(1000, 1000, true), Step(1250, 1200, false), Step(1118, 1118, true), Step(1057, 1057, true)];
        Assert.Equal(1118, BenchRunner.BestRelayed(steps));
        Assert.Equal(900, BenchRunner.BestRelayed([Step(1000, 900, false)]));
        Assert.Equal(0.1, new WatchedRun(100, 5, null, 1, [], 1000, 900).Drop);
        Assert.Equal(0, new WatchedRun(100, 5, null, 1, [], 0, 900).Drop);
        Assert.Equal(0.2, new SoakResult(500, 10, 0, 500, 100, 200, 240, 250, []).GrowthAfterWarmUp);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(26)]
    [InlineData(123_456)]
    public void Relay_token_is_letters_only_and_read_back_from_a_relayed_text(int token)
    {
        var text = RelayTracker.TokenText(token);

        Assert.Matches("^bench-[a-z]+$", text);
        Assert.True(RelayTracker.TryReadToken($"[C-4F7K2 Maria] Is the plumber still coming? {text}", out var read));
        Assert.Equal(token, read);
    }

    [Theory]
    [InlineData(4.05, 0, true)]
    [InlineData(4.23, 0, false)]
    [InlineData(4.05, 1, false)]
    public void A_step_is_sustained_only_at_98_percent_of_its_rate_or_more_with_no_errors(double elapsedSeconds, int errors, bool sustained)
    {
        // 11,389 webhooks a second offered for 4 s; taking 4.23 s means only 95 % of the rate was taken in.
        var sent = 45_556;
        var step = new LoadResult(11_389, sent, sent - errors, errors, elapsedSeconds, (sent - errors) / elapsedSeconds, Percentiles.None, []);

        Assert.Equal(sustained, step.KeptPace(TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void The_fake_graph_api_latency_is_an_option()
    {
        Assert.Equal(0, BenchOptions.Parse([]).GraphLatencyMs);
        Assert.Equal(150, BenchOptions.Parse(["--graph-latency-ms", "150"]).GraphLatencyMs);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--graph-latency-ms", "-5"]));
    }

    [GeneratedRegex(@"^e2e_msgs_per_s=\d+(\.\d+)? webhook_p99_ms=\d+(\.\d+)? bare_ratio=\d+(\.\d+)?( watched_drop=-?\d+(\.\d+)?)? relay_ratio=\d+(\.\d+)?$")]
    private static partial Regex FinalLine();
}
