using System.Diagnostics;
using BowInbox.Data;
using Microsoft.Data.Sqlite;

namespace BowInbox.Bench;

/// <summary>One benchmark run from start to end: the product under load, the bare limit, the inbox queries, the report.</summary>
public static class BenchRunner
{
    public static async Task<BenchResult> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        var provider = options.Provider switch
        {
            BenchProvider.Sqlite => DatabaseProvider.Sqlite,
            BenchProvider.SqlServer => DatabaseProvider.SqlServer,
            BenchProvider.Postgres => DatabaseProvider.Postgres,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "--provider must be Sqlite, SqlServer or Postgres."),
        };
        var started = DateTimeOffset.UtcNow;
        var loadAverage = MachineProbe.LoadAverage();
        var repoRoot = MachineProbe.RepoRoot();
        var appDll = AppProcess.AppDll(repoRoot, options.Configuration);
        var runFolder = Path.Combine(Path.GetTempPath(), $"bowinbox-bench-{started:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(runFolder);
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(runFolder, "bench.db")}",
            DatabaseProvider.Postgres => BenchPostgres.FreshDatabase(
                options.ConnectionString ?? throw new ArgumentException("--provider Postgres needs --connection \"<connection string>\" to the server; the bench creates its own database there."),
                started),
            _ => options.ConnectionString ?? throw new ArgumentException("--provider SqlServer needs --connection \"<connection string>\" to an empty database."),
        };

        try
        {
            var result = await RunInFolderAsync(options, provider, connectionString, appDll, runFolder, started, loadAverage, output, cancellationToken);
            output.WriteLine();
            output.Write(Report.Markdown(result));
            var file = await Report.WriteJsonAsync(result, options.ResultsFolder ?? Path.Combine(repoRoot, "BowInbox.Bench", "results"), cancellationToken);
            output.WriteLine($"Results: {file}");
            output.WriteLine(result.FinalLine);
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (provider == DatabaseProvider.Postgres && !options.KeepRunFolder)
            {
                await BenchPostgres.DropAsync(options.ConnectionString!, connectionString, output);
            }

            if (!options.KeepRunFolder)
            {
                DeleteRunFolder(runFolder, output);
            }
        }
    }

    private static async Task<BenchResult> RunInFolderAsync(
        BenchOptions options, DatabaseProvider provider, string connectionString, string appDll, string runFolder, DateTimeOffset started, string loadAverage, TextWriter output, CancellationToken cancellationToken)
    {
        var appSecret = "bench-app-secret-" + Guid.NewGuid().ToString("N");
        var secrets = BenchSecrets.Create(runFolder);
        var keysPath = Directory.CreateDirectory(Path.Combine(runFolder, "keys")).FullName;
        var planned = PlannedMessages(options);
        var tracker = new RelayTracker(planned);
        var payloads = new WebhookPayloads(appSecret, RelaySeeder.CentralPhoneNumberId);
        using var load = new LoadGenerator(options.Workers);

        await using var graph = await FakeGraphApi.StartAsync(tracker, RelaySeeder.CentralPhoneNumberId, TimeSpan.FromMilliseconds(options.GraphLatencyMs));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Inbox"] = connectionString,
            ["Security__DataProtectionKeysPath"] = keysPath,
            ["WhatsApp__AppSecret"] = appSecret,
            ["WhatsApp__VerifyToken"] = "bench-verify-token",
            ["WhatsApp__AccessToken"] = "bench-access-token",
            ["WhatsApp__GraphApiBaseUrl"] = graph.BaseUrl,

            // The load comes from one address, far above what one of Meta's addresses sends.
            ["RateLimits__WebhookPerIpPerMinute"] = "100000000",
            ["RateLimits__WebhookConcurrentReads"] = "2000",

            // The live inbox pages need blazor.web.js, which a build output (not a publish) serves only this way.
            ["StaticWebAssets__FromBuildOutput"] = "true",

            // The watchers all sign in from the bench's one address.
            ["RateLimits__LoginPerIpPerMinute"] = "100000",
        };
        foreach (var (key, value) in secrets.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        output.WriteLine($"Starting {appDll} (Production, {provider}).");
        var clock = Stopwatch.StartNew();

        // Filling the inbox-query database (its own SQLite file) overlaps the app's start, which is not measured.
        var inboxSeeding = provider == DatabaseProvider.Sqlite
            ? InboxQueryBench.PrepareAsync(runFolder, options.InboxTickets, cancellationToken)
            : Task.FromResult(0.0);
        List<ProductStep> product;
        WatchedRun? watched = null;
        SoakResult? soak = null;
        ResourceSample appAtEnd;
        var relayNote = (string?)null;
        bool relayAvailable;
        await using (var app = await AppProcess.StartAsync(appDll, environment, TimeSpan.FromSeconds(90)))
        await using (var database = AppDatabase.Open(provider, connectionString, secrets, keysPath))
        {
            output.WriteLine($"App healthy after {clock.Elapsed.TotalSeconds:0.0} s at {app.BaseUrl}; fake Graph API at {graph.BaseUrl}.");
            await inboxSeeding;
            var seeder = new RelaySeeder(database, output);
            await seeder.AddNumbersAsync(options.PoolNumbers, cancellationToken);
            await seeder.PrimeCustomersAsync(load, app.BaseUrl, payloads, tracker, options.Sessions, cancellationToken);
            await seeder.OpenSessionsAsync(options.Sessions, options.PoolNumbers, cancellationToken);

            var productLoad = new ProductLoad(app, database, payloads, tracker, load, options, output);
            await productLoad.ProbeRelayAsync(cancellationToken);
            relayAvailable = productLoad.RelayAvailable;
            if (!relayAvailable)
            {
                relayNote = "customer messages on sessions with a provider were stored but not relayed; the relay is not part of this build yet.";
            }

            if (relayAvailable)
            {
                await productLoad.WarmUpAsync(cancellationToken);
            }

            output.WriteLine("Product steps:");
            product = await productLoad.RunStepsAsync(ProductRates(options), "", cancellationToken);
            if (relayAvailable && (options.HubWatchers > 0 || options.InboxCircuits > 0))
            {
                watched = await RunWatchedAsync(app, database, productLoad, product, options, output, cancellationToken);
            }

            if (options.Soak)
            {
                soak = await productLoad.SoakAsync(cancellationToken);
            }

            appAtEnd = app.SampleResources();
            await File.WriteAllTextAsync(Path.Combine(runFolder, "app-log-tail.txt"), app.LogTail, cancellationToken);
        }

        output.WriteLine("Bare limit steps:");
        var bare = await RunBareAsync(provider, connectionString, appSecret, null, payloads, load, options, output, cancellationToken);
        List<BareStep>? bareRelay = null;
        if (options.BareRelay)
        {
            output.WriteLine("Bare relay steps (bare endpoint + one send through the fake Graph API):");
            bareRelay = await RunBareAsync(provider, connectionString, appSecret, graph.BaseUrl, payloads, load, options, output, cancellationToken);
        }

        InboxQueryResult inbox;
        if (provider == DatabaseProvider.Sqlite)
        {
            output.WriteLine($"Inbox queries over {options.InboxTickets:N0} tickets.");
            inbox = await InboxQueryBench.TimeQueriesAsync(runFolder, options.InboxTickets, await inboxSeeding, options.InboxQueryRuns, cancellationToken);
        }
        else
        {
            inbox = new InboxQueryResult(0, 0, [], "seeded on SQLite only, so a configured database is left as the app wrote it");
        }

        var summary = Summarize(product, bare, bareRelay, relayAvailable, relayNote, tracker.Duplicates) with { RepliesRelayed = tracker.RepliesRelayed };
        return new BenchResult(started, provider.ToString(), Environment.CommandLine, MachineProbe.Describe(loadAverage), options.Sessions, options.StepDuration.TotalSeconds, options.GraphLatencyMs, options.ReplyShare,
            product, bare, bareRelay, inbox, watched, soak, appAtEnd, summary);
    }

    /// <summary>
    /// The product's steps again with people watching, from two steps below the highest rate sustained without them
    /// (so the first steps warm the watchers' paths up) until a step is not sustained, narrowed down as before.
    /// </summary>
    private static async Task<WatchedRun> RunWatchedAsync(
        AppProcess app, AppDatabase database, ProductLoad productLoad, IReadOnlyList<ProductStep> unwatched, BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var watchers = await Watchers.ConnectAsync(app.BaseUrl, database, options.HubWatchers, options.InboxCircuits, cancellationToken);
        output.WriteLine($"Watched steps ({watchers.HubConnections} hub connections, {watchers.Circuits} live inbox pages{(watchers.CircuitsSkipped is null ? "" : $"; circuits skipped: {watchers.CircuitsSkipped}")}):");
        var best = HighestSustained(unwatched);
        var rates = ProductRates(options).ToList();
        var from = Math.Max(0, rates.FindLastIndex(r => r <= best) - 2);
        var steps = await productLoad.RunStepsAsync(rates.Skip(from), "watched ", cancellationToken);
        var pushes = watchers.Pushes;
        output.WriteLine($"Watchers were pushed {pushes:N0} hub messages.");
        return new WatchedRun(watchers.HubConnections, watchers.Circuits, watchers.CircuitsSkipped, pushes, steps, BestRelayed(unwatched), BestRelayed(steps));
    }

    /// <summary>Relayed messages a second at the highest rate sustained, or at the first step when none was.</summary>
    public static double BestRelayed(IReadOnlyList<ProductStep> steps)
        => steps.Where(s => s.Sustained).MaxBy(s => s.TargetPerSecond)?.RelayedPerSecond ?? steps.FirstOrDefault()?.RelayedPerSecond ?? 0;

    /// <summary>The product's rates, then a quarter faster each step up to the ceiling (the caller stops at the first step not sustained).</summary>
    public static IEnumerable<int> ProductRates(BenchOptions options) => Ladder(options.Rates, options.ProductCeiling, 5, 4);

    /// <summary>Tokens the tracker must hold at most: every product step twice (unwatched and watched) with refinements, the soak, the rest.</summary>
    private static int PlannedMessages(BenchOptions options)
    {
        var ladder = (ProductRates(options).Sum(r => (long)r) + (options.BareRefineSteps * (long)options.ProductCeiling)) * options.StepDuration.TotalSeconds;
        var soak = options.Soak ? options.SoakRate * options.SoakDuration.TotalSeconds * 1.1 : 0;
        var planned = (2 * ladder) + soak + (options.WarmUpRate * options.WarmUpDuration.TotalSeconds) + (options.Sessions * 2) + 1_000;
        return (int)Math.Min(int.MaxValue - 1, planned);
    }

    // A failed start can leave the inbox seeding writing into the folder; cleanup must not hide the real error.
    private static void DeleteRunFolder(string runFolder, TextWriter output)
    {
        try
        {
            Directory.Delete(runFolder, recursive: true);
        }
        catch (IOException ex)
        {
            output.WriteLine($"Could not delete {runFolder}: {ex.Message}");
        }
    }

    private static async Task<List<BareStep>> RunBareAsync(
        DatabaseProvider provider, string connectionString, string appSecret, string? relayTo, WebhookPayloads payloads, LoadGenerator load, BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var bare = await BareLimitServer.StartAsync(provider, connectionString, appSecret, relayTo);
        var steps = new List<BareStep>();
        var token = 0;
        SignedWebhook Message(int i) => payloads.CustomerText(i % options.Sessions, Interlocked.Increment(ref token));

        // The app was warmed up by priming its customers; the bare endpoint gets the same chance to JIT and grow its pools.
        await load.RunAsync(bare.BaseUrl, options.Rates[0], TimeSpan.FromSeconds(1), Message, null, cancellationToken);
        async Task<BareStep> StepAsync(int rate)
        {
            var share = MachineShare.Start();
            var result = await load.RunAsync(bare.BaseUrl, rate, options.StepDuration, Message, null, cancellationToken);
            var step = new BareStep(rate, result.AcceptedPerSecond, result.Errors, result.Latency, result.KeptPace(options.StepDuration)) { Machine = share.Stop(0) };
            steps.Add(step);
            output.WriteLine($"  {rate,5}/s: accepted {result.AcceptedPerSecond,7:0.0}/s p99 {result.Latency.P99,8:0.0} ms, bench cpu {step.Machine.BenchCpuPercent}%, others {Report.Number(step.Machine.OthersCpuPercent)}%{(step.Sustained ? "" : "  <- not sustained")}");
            return step;
        }

        foreach (var rate in BareRates(options))
        {
            if (!(await StepAsync(rate)).Sustained)
            {
                break;
            }
        }

        // Half as fast again is a coarse step: the limit lies anywhere between the last rate sustained and the first
        // not, and which side of a step a run lands on moved bare_ratio by half. Narrow it down before reporting it.
        if (options.BareRefineSteps > 0 && RefineBetween(steps) is var (sustained, failed))
        {
            output.WriteLine($"  refining between {sustained}/s and {failed}/s:");
            for (var i = 0; i < options.BareRefineSteps && NextRefinement(sustained, failed) is { } rate; i++)
            {
                if ((await StepAsync(rate)).Sustained)
                {
                    sustained = rate;
                }
                else
                {
                    failed = rate;
                }
            }
        }

        return steps;
    }

    /// <summary>The highest rate sustained and the first one above it that was not, when the walk found both.</summary>
    public static (int Sustained, int Failed)? RefineBetween(IReadOnlyList<BareStep> steps)
        => RefineBetween(steps.Select(s => (s.TargetPerSecond, s.Sustained)));

    /// <summary>The highest rate sustained and the first one above it that was not, when the walk found both.</summary>
    public static (int Sustained, int Failed)? RefineBetween(IEnumerable<(int Rate, bool Sustained)> steps)
    {
        var all = steps.ToList();
        var sustained = all.Where(s => s.Sustained).Select(s => s.Rate).DefaultIfEmpty(0).Max();
        var failed = all.Where(s => !s.Sustained && s.Rate > sustained).Select(s => s.Rate).DefaultIfEmpty(0).Min();
        return sustained > 0 && failed > 0 ? (sustained, failed) : null;
    }

    /// <summary>The geometric middle of the two rates, or none when they are too close to tell apart (within 5 %).</summary>
    public static int? NextRefinement(int sustained, int failed)
    {
        if (failed <= sustained * 1.05)
        {
            return null;
        }

        var middle = (int)Math.Round(Math.Sqrt((double)sustained * failed));
        return middle > sustained && middle < failed ? middle : null;
    }

    /// <summary>The product's rates, then half as fast again each step up to the ceiling (the caller stops at the first step not sustained).</summary>
    public static IEnumerable<int> BareRates(BenchOptions options) => Ladder(options.Rates, options.BareCeiling, 3, 2);

    /// <summary>The given rates, then each step <paramref name="times"/> ÷ <paramref name="per"/> of the last, up to the ceiling.</summary>
    private static IEnumerable<int> Ladder(IReadOnlyList<int> rates, int ceiling, int times, int per)
    {
        foreach (var rate in rates)
        {
            yield return rate;
        }

        var last = rates.Count > 0 ? rates[^1] : 0;
        while (last > 0 && last < ceiling)
        {
            last = Math.Min(ceiling, last * times / per);
            yield return last;
        }
    }

    private static int HighestSustained(IReadOnlyList<ProductStep> steps)
        => steps.Where(s => s.Sustained).Select(s => s.TargetPerSecond).DefaultIfEmpty(0).Max();

    /// <summary>What the highest sustained step took in, or the first step's figure when none was sustained.</summary>
    public static double Limit(IReadOnlyList<BareStep> steps)
        => steps.Where(s => s.Sustained).MaxBy(s => s.TargetPerSecond)?.WebhooksPerSecond ?? steps.FirstOrDefault()?.WebhooksPerSecond ?? 0;

    private static BenchSummary Summarize(
        IReadOnlyList<ProductStep> product, IReadOnlyList<BareStep> bare, IReadOnlyList<BareStep>? bareRelay, bool relayAvailable, string? relayNote, long duplicates)
    {
        // With no sustained step, what the first (lowest) step delivered is the honest figure.
        var best = product.Where(s => s.Sustained).MaxBy(s => s.TargetPerSecond);
        var reference = best ?? product.FirstOrDefault();
        var bareLimit = Limit(bare);
        var bareRelayLimit = bareRelay is null ? (double?)null : Limit(bareRelay);

        // Without a relay the comparable product figure is what the app takes in and processes.
        var productRate = reference is null ? 0 : relayAvailable ? reference.RelayedPerSecond : Math.Min(reference.WebhooksPerSecond, reference.ProcessedPerSecond);
        return new BenchSummary(
            relayAvailable,
            relayNote,
            relayAvailable && reference is not null ? reference.RelayedPerSecond : 0,
            relayAvailable && reference is not null ? reference.EndToEnd.P99 : 0,
            best?.TargetPerSecond ?? 0,
            reference?.Webhook.P99 ?? 0,
            bareLimit,
            bare.All(s => s.Sustained),
            bareLimit > 0 ? Math.Round(productRate / bareLimit, 3) : 0,
            relayAvailable ? "relayed msgs/s ÷ bare inserts/s" : "relay not available: processed webhooks/s ÷ bare inserts/s",
            duplicates,
            bareRelayLimit,
            bareRelayLimit > 0 ? Math.Round(productRate / bareRelayLimit.Value, 3) : null);
    }
}
