using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BowInbox.Data.Sqlite;

/// <summary>The embedded default. Migrations: <c>BowInbox.Data/Sqlite/Migrations</c>.</summary>
public sealed class SqliteInboxDbContext(DbContextOptions<SqliteInboxDbContext> options) : InboxDbContext(options);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteInboxDbContext>
{
    public SqliteInboxDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite("Data Source=design.db").Options);
}
