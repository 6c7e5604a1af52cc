using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BowInbox.Data.SqlServer;

/// <summary>The production provider. Migrations: <c>BowInbox.Data/SqlServer/Migrations</c>.</summary>
public sealed class SqlServerInboxDbContext(DbContextOptions<SqlServerInboxDbContext> options) : InboxDbContext(options);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerInboxDbContext>
{
    public SqlServerInboxDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerInboxDbContext>()
            .UseSqlServer("Server=localhost;Database=BowInbox;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
