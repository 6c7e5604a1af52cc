using BowInbox.Bench;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// The benchmark in a tiny configuration on a real PostgreSQL server: the bench creates its own database there,
/// the app migrates it at start, and the bench drops it at the end. No speed is asserted.
/// Needs BOWINBOX_POSTGRES (a connection string to the server; .ci/run starts one).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PostgresBenchmarkTests
{
    [Fact]
    public async Task Tiny_benchmark_runs_on_postgres_relays_every_message_once_and_drops_its_database()
    {
        var server = TemporaryPostgresDatabase.Server();

        var results = Path.Combine(Path.GetTempPath(), "bowinbox-bench-pg-test-" + Guid.NewGuid().ToString("N"));
        var options = new BenchOptions
        {
            Provider = BenchProvider.Postgres,
            ConnectionString = server,
            Sessions = 8,
            PoolNumbers = 2,
            Rates = [20, 40],
            BareCeiling = 40,
            BareRelay = false,
            StepDuration = TimeSpan.FromSeconds(1),
            DrainTimeout = TimeSpan.FromSeconds(2),
            Workers = 8,
            WarmUpRate = 20,
            WarmUpDuration = TimeSpan.FromSeconds(1),
            ReplyShare = 0.5,
            ResultsFolder = results,
        };
        using var output = new StringWriter();
        var before = await BenchDatabasesAsync(server);
        try
        {
            var result = await BenchRunner.RunAsync(options, output).WaitAsync(TimeSpan.FromSeconds(150));

            Assert.Equal("Postgres", result.Database);
            Assert.True(result.Summary.RelayAvailable, output.ToString());
            Assert.NotEmpty(result.Product);
            Assert.All(result.Product, step => Assert.Equal(0, step.Errors));
            Assert.True(result.Product[0].RelayedPerSecond > 0, output.ToString());
            Assert.Equal(0, result.Summary.DuplicateRelays);
            Assert.True(result.Summary.RepliesRelayed > 0, "no provider's reply reached a customer on PostgreSQL: " + output);
            Assert.NotEmpty(result.Bare);
            Assert.NotNull(result.InboxQueries.SkippedBecause);
            Assert.Empty((await BenchDatabasesAsync(server)).Except(before));
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    private static async Task<List<string>> BenchDatabasesAsync(string server)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'bowinbox_bench_%'", admin);
        var names = new List<string>();
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
