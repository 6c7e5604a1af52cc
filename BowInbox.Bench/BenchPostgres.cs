using Npgsql;

namespace BowInbox.Bench;

/// <summary>
/// On PostgreSQL the bench gets a database of its own on the given server (the app creates and migrates it at
/// start, as on any new install) and drops it at the end, unless <c>--keep</c> is given.
/// </summary>
internal static class BenchPostgres
{
    public static string FreshDatabase(string server, DateTimeOffset started)
        => new NpgsqlConnectionStringBuilder(server) { Database = $"bowinbox_bench_{started:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}" }.ConnectionString;

    public static async Task DropAsync(string server, string benchDatabase, TextWriter output)
    {
        var database = new NpgsqlConnectionStringBuilder(benchDatabase).Database;
        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            output.WriteLine($"Could not drop the bench database {database}: {ex.Message}");
        }
    }
}
