using BowInbox.Tests.Support;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// A database of its own on the PostgreSQL server named by BOWINBOX_POSTGRES (.ci/run starts one), dropped afterwards;
/// without a server the test is skipped, or fails under BOWINBOX_REQUIRE_ALL_TESTS.
/// </summary>
internal sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name = "bowinbox_test_" + Guid.NewGuid().ToString("N")[..12];

    private TemporaryPostgresDatabase(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static TemporaryPostgresDatabase Create() => new(Server());

    /// <summary>The server's connection string (no database); skips the test, or fails it under BOWINBOX_REQUIRE_ALL_TESTS, when there is none.</summary>
    public static string Server()
    {
        var server = Environment.GetEnvironmentVariable("BOWINBOX_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            TestEnvironment.SkipOrFail("No PostgreSQL server (set BOWINBOX_POSTGRES to a connection string, as .ci/run does)");
        }

        return server!;
    }

    /// <summary>Points the app at this database; the app migrates it at start, as on a new install.</summary>
    public void Use(InboxAppFactory app)
    {
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:Inbox"] = ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
