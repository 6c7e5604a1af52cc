using System.Globalization;
using System.Reflection;

namespace BowInbox.Bench;

public enum BenchProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>What one benchmark run does. <see cref="Parse"/> reads the command line; presets fill the rest.</summary>
public sealed record BenchOptions
{
    public BenchProvider Provider { get; init; } = BenchProvider.Sqlite;

    /// <summary>
    /// SQL Server: an empty database. PostgreSQL: the server (the bench creates, and afterwards drops, a database of its
    /// own there). SQLite uses a fresh file in the run folder.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>Open relay sessions (one simulated customer phone and one provider each).</summary>
    public int Sessions { get; init; } = 500;

    public int PoolNumbers { get; init; } = 10;

    /// <summary>
    /// The share of messages (0 to 1) that are a provider's reply on their pool number, relayed to the customer from
    /// the central number; the rest are customers writing, relayed to their provider. 0 measures one direction only.
    /// </summary>
    public double ReplyShare { get; init; }

    /// <summary>Whether message number <paramref name="i"/> of a run is a provider's reply (spread evenly by <see cref="ReplyShare"/>).</summary>
    public bool IsReply(int i) => Math.Floor((i + 1) * ReplyShare) > Math.Floor(i * ReplyShare);

    /// <summary>Target webhook rates per second, tried in order until one is not sustained.</summary>
    public IReadOnlyList<int> Rates { get; init; } = [100, 250, 500, 750, 1000, 1250, 1500, 2000];

    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The product keeps going past the last of <see cref="Rates"/>, a quarter faster each step, until a step is not
    /// sustained or this rate is reached: its limit is found, not bounded by the ladder.
    /// </summary>
    public int ProductCeiling { get; init; } = 20_000;

    /// <summary>Hub clients (staff and technicians, five connections per user) listening while the watched steps run.</summary>
    public int HubWatchers { get; init; } = 100;

    /// <summary>Live inbox pages (Blazor circuits in Chromium, signed in as intake agents) open while the watched steps run.</summary>
    public int InboxCircuits { get; init; } = 5;

    /// <summary>The soak's webhook rate.</summary>
    public int SoakRate { get; init; } = 500;

    /// <summary>The first part of the soak, after which the app's working set is the base that later growth is measured from.</summary>
    public TimeSpan SoakWarmUp { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The soak's figures are reported per slice of this length (a minute; shorter in tests).</summary>
    public TimeSpan SoakSlice { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The bare endpoint keeps going past the last of <see cref="Rates"/>, half as fast again each step, until a step
    /// is not sustained or this rate is reached: its limit is found, not just bounded by the product's steps.
    /// </summary>
    public int BareCeiling { get; init; } = 25_000;

    /// <summary>
    /// Steps spent narrowing the bare limit down between the last rate sustained and the first not (each halves the
    /// gap, geometrically: two leave it about 11 % wide instead of 50 %).
    /// </summary>
    public int BareRefineSteps { get; init; } = 2;

    /// <summary>
    /// Also find the limit of a bare relay (the bare endpoint plus one send through the fake Graph API per
    /// webhook): the most any relay could deliver on this machine, the base of <c>relay_ratio</c>. Part of every run
    /// unless <c>--no-bare-relay</c>.
    /// </summary>
    public bool BareRelay { get; init; } = true;

    /// <summary>
    /// How long the fake Graph API takes to answer each send. Meta's real answers take tens to hundreds of
    /// milliseconds; 0 (answer at once) measures the app alone, more shows whether the outbox keeps enough sends in flight.
    /// </summary>
    public int GraphLatencyMs { get; init; }

    /// <summary>Concurrent connections posting webhooks (the simulated phones share them).</summary>
    public int Workers { get; init; } = 64;

    /// <summary>How long to wait after a step for the app to catch up before the next one.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Unmeasured relay traffic before the steps, so that they measure a warmed-up app.</summary>
    public int WarmUpRate { get; init; } = 200;

    /// <summary>Long enough for the JIT to finish re-compiling the hot path at full optimisation.</summary>
    public TimeSpan WarmUpDuration { get; init; } = TimeSpan.FromSeconds(10);

    public int InboxTickets { get; init; } = 100_000;

    public int InboxQueryRuns { get; init; } = 20;

    public bool Soak { get; init; }

    public TimeSpan SoakDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Build configuration of the app to start; defaults to the bench's own.</summary>
    public string Configuration { get; init; } = OwnConfiguration();

    /// <summary>Where the JSON result goes; defaults to <c>BowInbox.Bench/results</c> in the repository.</summary>
    public string? ResultsFolder { get; init; }

    /// <summary>Keep the run folder (database, keys, app log) instead of deleting it at the end.</summary>
    public bool KeepRunFolder { get; init; }

    public static BenchOptions Quick => new()
    {
        Sessions = 50,
        Rates = [100, 250, 500, 750, 1000, 1125, 1250, 1500],
        StepDuration = TimeSpan.FromSeconds(4),
        DrainTimeout = TimeSpan.FromSeconds(3),
        InboxQueryRuns = 10,
    };

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? Quick : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options,
                "--soak" => options with { Soak = true },
                "--provider" => options with { Provider = Enum.Parse<BenchProvider>(Next(), ignoreCase: true) },
                "--connection" => options with { ConnectionString = Next() },
                "--sessions" => options with { Sessions = PositiveInt(Next()) },
                "--rates" => options with { Rates = Next().Split(',').Select(PositiveInt).ToList() },
                "--step-seconds" => options with { StepDuration = TimeSpan.FromSeconds(PositiveInt(Next())) },
                "--workers" => options with { Workers = PositiveInt(Next()) },
                "--bare-ceiling" => options with { BareCeiling = PositiveInt(Next()) },
                "--bare-refine" => options with { BareRefineSteps = NonNegativeInt(Next()) },
                "--inbox-tickets" => options with { InboxTickets = PositiveInt(Next()) },
                "--soak-minutes" => options with { SoakDuration = TimeSpan.FromMinutes(PositiveInt(Next())) },
                "--configuration" => options with { Configuration = Next() },
                "--results" => options with { ResultsFolder = Next() },
                "--keep" => options with { KeepRunFolder = true },
                "--bare-relay" => options with { BareRelay = true },
                "--no-bare-relay" => options with { BareRelay = false },
                "--product-ceiling" => options with { ProductCeiling = PositiveInt(Next()) },
                "--watchers" => options with { HubWatchers = NonNegativeInt(Next()) },
                "--circuits" => options with { InboxCircuits = NonNegativeInt(Next()) },
                "--soak-rate" => options with { SoakRate = PositiveInt(Next()) },
                "--graph-latency-ms" => options with { GraphLatencyMs = NonNegativeInt(Next()) },
                "--replies" => options with { ReplyShare = Share(Next()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    public const string Usage =
        "Usage: BowInbox.Bench [--quick] [--soak] [--provider Sqlite|SqlServer|Postgres --connection \"<cs>\"] " +
        "[--sessions N] [--rates 100,250,...] [--step-seconds N] [--product-ceiling N] [--workers N] [--bare-ceiling N] [--bare-refine N] [--no-bare-relay] " +
        "[--watchers N] [--circuits N] [--graph-latency-ms N] [--replies 0..1] [--inbox-tickets N] [--soak-minutes N] [--soak-rate N] " +
        "[--configuration Release|Debug] [--results <folder>] [--keep]";

    private static int PositiveInt(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");

    private static int NonNegativeInt(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' is not a whole number of 0 or more.");

    private static double Share(string text)
        => double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ArgumentException($"'{text}' is not a share from 0 to 1 (such as 0.5).");

    private static string OwnConfiguration()
        => typeof(BenchOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
