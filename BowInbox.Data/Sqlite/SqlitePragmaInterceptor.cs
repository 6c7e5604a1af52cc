using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BowInbox.Data.Sqlite;

/// <summary>
/// WAL lets the inbox read while webhooks write, and a busy timeout makes concurrent writers wait
/// for the lock instead of failing with "database is locked". Temporary tables and statement journals stay in
/// memory: on disk, SQLite created, wrote and deleted a temporary file for about every other relayed message.
/// Secure delete overwrites deleted and replaced content with zeros, so a row that was purged (a webhook event past its
/// retention, or one stored in clear before payloads were encrypted) is not left readable in the file's free pages.
/// The pragmas belong to the native connection,
/// which Microsoft.Data.Sqlite pools: they run once per native connection, not on every pooled open.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; " + ConnectionPragmas;

    // WAL is recorded in the database file, so a read-only connection cannot switch to it: on a file that exists but is
    // still empty (touched by an installer, or left by a first start killed before its first write), it fails with
    // "attempt to write a readonly database". EF Core's check that the database exists opens such a connection before
    // migrating; it gets the rest, and the first read-write connection sets WAL.
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=ON;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }

    private static string PragmasFor(DbConnection connection)
        => new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ConnectionPragmas : Pragmas;

    private static bool NeedsPragmas(DbConnection connection)
        => connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, Pragmas);
        }
    }
}
