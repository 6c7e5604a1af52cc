using BowInbox.Data.Postgres;
using BowInbox.Data.Sqlite;
using BowInbox.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BowInbox.Data;

public static class InboxDatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="InboxDbContext"/> (scoped) and <see cref="IDbContextFactory{InboxDbContext}"/>
    /// backed by the provider's derived context, so the rest of the app never names a provider.
    /// </summary>
    public static IServiceCollection AddInboxDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                // A list parameter goes to SQLite as one JSON parameter (json_each), so a query with Contains keeps
                // one cached SQL text; spread over one parameter per value, its SQL is rebuilt on every execution.
                services.AddPooledDbContextFactory<SqliteInboxDbContext>((sp, o) => o.UseSqlite(
                    connectionString,
                    sql => sql
                        .MigrationsAssembly(typeof(InboxDbContext).Assembly.FullName)
                        .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(new SqlitePragmaInterceptor(), AuditAppendOnlyInterceptor.Instance, EventCapture(sp)));
                services.AddSingleton<IDbContextFactory<InboxDbContext>, InboxDbContextFactory<SqliteInboxDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: the app runs its own transactions (outbox with the change
                // that caused it), which a retrying strategy refuses.
                services.AddPooledDbContextFactory<SqlServerInboxDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(AuditAppendOnlyInterceptor.Instance, EventCapture(sp)));
                services.AddSingleton<IDbContextFactory<InboxDbContext>, InboxDbContextFactory<SqlServerInboxDbContext>>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresInboxDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(AuditAppendOnlyInterceptor.Instance, EventCapture(sp)));
                services.AddSingleton<IDbContextFactory<InboxDbContext>, InboxDbContextFactory<PostgresInboxDbContext>>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider must be Sqlite, SqlServer or Postgres.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext());
        services.AddSingleton(sp => new DatabaseWriteGate(serialize: provider == DatabaseProvider.Sqlite, sp.GetService<IWriteGateObserver>()));
        return services;
    }

    // Outgoing events are written by every save, on the app's clock.
    private static WebhookEventCapture EventCapture(IServiceProvider services) => new(services.GetRequiredService<TimeProvider>());

    /// <summary>Makes sure the folder of a SQLite file exists before the first connection.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    private sealed class InboxDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<InboxDbContext>
        where TContext : InboxDbContext
    {
        public InboxDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
