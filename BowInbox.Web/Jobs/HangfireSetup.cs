using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Identity;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace BowInbox.Web.Jobs;

public static class HangfireSetup
{
    /// <summary>Hangfire's tables on PostgreSQL, apart from the app's own.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Hangfire keeps its own queue in memory on the embedded default (one server): every due time, outbox row and
    /// inbound event lives in our own tables, so a restart loses no work, only the schedule, which
    /// the recurring jobs rebuild. On SQL Server and PostgreSQL, Hangfire shares the production database (its own
    /// schema, created at start), so with several servers a recurring job runs once per period, on one of them, and the
    /// dashboard shows the same jobs on every server.
    /// </summary>
    public static void AddBackgroundJobs(this WebApplicationBuilder builder, DatabaseProvider provider, string connectionString)
    {
        // Each host owns its storage. Hangfire's Use*Storage calls set a process-wide JobStorage.Current,
        // which AddHangfire hands out by default: with several hosts in one process (the test suite runs
        // many), one host could take another's in-memory storage and fail once that host disposed it.
        // The job activator too: Hangfire's default is the process-wide one, which builds each job from the services
        // of whichever host configured Hangfire last, so a job could run against another host's database.
        builder.Services.AddSingleton<JobStorage>(services => provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerStorage(connectionString),
            DatabaseProvider.Postgres => PostgresStorage(services, connectionString),
            _ => new InMemoryStorage(),
        });
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
    }

    /// <summary>
    /// Hangfire installs its schema (under an advisory lock, so servers starting together take turns) when the storage is
    /// created, which is before the migrator runs: on a new install the database is created empty first, for the
    /// migrator to fill.
    /// </summary>
    private static PostgreSqlStorage PostgresStorage(IServiceProvider services, string connectionString)
    {
        using (var db = services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext())
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            try
            {
                if (!creator.Exists())
                {
                    creator.Create();
                }
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another server created it first.
            }
        }

        var options = new PostgreSqlStorageOptions { SchemaName = PostgresSchema, PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    public static void MapJobDashboard(this WebApplication app)
    {
        // The job client is created now, from this host's own logger factory: Hangfire's log provider is process-wide,
        // so a client created later could take the one of another host in the process (the test suite runs many)
        // and log there, or nowhere once that host stopped (HostLogProvider).
        _ = app.Services.GetRequiredService<IBackgroundJobClient>();

        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/admin",
        }).RequireAuthorization(IdentitySetup.AdminPolicy);
    }

    /// <summary>Second line of defence behind the endpoint policy: the dashboard itself also demands the Admin role.</summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
            => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
