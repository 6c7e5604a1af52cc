using BowInbox.Data.Sqlite;
using BowInbox.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BowInbox.Tests.Support;

/// <summary>Contexts for tests of hand-built SQL: a migrated SQLite database in memory, and SQL Server's model without a server.</summary>
internal static class TestContexts
{
    /// <summary>A fresh SQLite database in memory with every migration applied (or those up to <paramref name="upTo"/>); it lives as long as the context.</summary>
    public static async Task<SqliteInboxDbContext> MigratedSqliteAsync(string? upTo = null)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var db = new SqliteInboxDbContext(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite(connection, contextOwnsConnection: true).Options);
        if (upTo is null)
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(upTo);
        }

        return db;
    }

    /// <summary>SQL Server's model and SQL generation; nothing is connected.</summary>
    public static SqlServerInboxDbContext SqlServerWithoutServer()
        => new(new DbContextOptionsBuilder<SqlServerInboxDbContext>().UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=True").Options);
}
