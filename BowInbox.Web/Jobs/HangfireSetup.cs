using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Identity;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace BowInbox.Web.Jobs;

public static class HangfireSetup
{
    /// <summary>
    /// Hangfire keeps its own queue in memory on the embedded default: every due time, outbox row and
    /// inbound event lives in our own tables, so a restart loses no work, only the schedule, which
    /// the recurring jobs rebuild. With SQL Server, Hangfire shares the production database.
    /// </summary>
    public static void AddBackgroundJobs(this WebApplicationBuilder builder, DatabaseProvider provider, string connectionString)
    {
        // Each host owns its storage. Hangfire's Use*Storage calls set a process-wide JobStorage.Current,
        // which AddHangfire hands out by default: with several hosts in one process (the test suite runs
        // many), one host could take another's in-memory storage and fail once that host disposed it.
        // The job activator too: Hangfire's default is the process-wide one, which builds each job from the services
        // of whichever host configured Hangfire last, so a job could run against another host's database.
        builder.Services.AddSingleton<JobStorage>(_ => provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(connectionString)
            : new InMemoryStorage());
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
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
