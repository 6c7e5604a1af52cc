using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BowInbox.Data.Postgres;

/// <summary>For deployments that run PostgreSQL. Migrations: <c>BowInbox.Data/Postgres/Migrations</c>.</summary>
public sealed class PostgresInboxDbContext(DbContextOptions<PostgresInboxDbContext> options) : InboxDbContext(options);

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresInboxDbContext>
{
    public PostgresInboxDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresInboxDbContext>().UseNpgsql("Host=localhost;Database=bowinbox").Options);
}
