using BowInbox.Data;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

public sealed class SqlitePragmaTests
{
    [Fact]
    public async Task Every_pooled_open_has_WAL_foreign_keys_the_busy_timeout_temp_tables_in_memory_and_secure_delete()
    {
        await using var app = new InboxAppFactory();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();

        // The native connection is pooled: the second open reuses it and must still have its settings; after the
        // pool is cleared, the next open is a new native connection, which must get them too.
        for (var open = 0; open < 4; open++)
        {
            if (open == 2)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }

            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
            Assert.Equal("10000", await PragmaAsync(db, "busy_timeout"));
            Assert.Equal("1", await PragmaAsync(db, "synchronous"));
            Assert.Equal("2", await PragmaAsync(db, "temp_store"));
            Assert.Equal("1", await PragmaAsync(db, "secure_delete"));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task The_app_starts_on_an_existing_empty_database_file_migrates_it_and_puts_it_in_WAL_mode()
    {
        // An installer's `touch`, or a first start killed before its first write, leaves an empty file behind. EF Core
        // checks that the database exists on a read-only connection, where switching to WAL failed and stopped the start.
        await using var app = new InboxAppFactory();
        await File.WriteAllBytesAsync(app.DatabaseFile, []);

        var contexts = app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Users.AnyAsync(), "the Development seed ran after the migrations");
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(db, "temp_store"));
    }

    private static async Task<string?> PragmaAsync(InboxDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
