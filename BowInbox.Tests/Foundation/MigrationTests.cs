using BowInbox.Data.Postgres;
using BowInbox.Data.Sqlite;
using BowInbox.Data.SqlServer;
using BowInbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqliteInboxDbContext(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite(connection).Options);

        db.Database.Migrate();

        Assert.NotEmpty(db.Database.GetAppliedMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQLite migration: run 'dotnet ef migrations add' for SqliteInboxDbContext.");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        // Comparing the model with the last migration's snapshot needs no server.
        using var db = new SqlServerInboxDbContext(new DbContextOptionsBuilder<SqlServerInboxDbContext>()
            .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=True").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQL Server migration: run 'dotnet ef migrations add' for SqlServerInboxDbContext.");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = new PostgresInboxDbContext(new DbContextOptionsBuilder<PostgresInboxDbContext>().UseNpgsql("Host=unused;Database=unused").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no PostgreSQL migration: run 'dotnet ef migrations add' for PostgresInboxDbContext.");
    }

    [Fact]
    public void SqlServer_and_Sqlite_have_the_same_migrations()
    {
        using var sqlite = new SqliteInboxDbContext(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerInboxDbContext(new DbContextOptionsBuilder<SqlServerInboxDbContext>()
            .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=True").Options);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task App_creates_and_migrates_its_sqlite_file_from_nothing_at_start()
    {
        await using var app = new InboxAppFactory();
        Assert.False(File.Exists(app.DatabaseFile));

        _ = app.Server;

        Assert.True(File.Exists(app.DatabaseFile));
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
