using BowInbox.Core.Scanning;
using Hangfire;

namespace BowInbox.Web.Relay;

public static class RelaySetup
{
    /// <summary>The masked relay: sessions on pool numbers, scanning, provider commands, the technician queue and the Admin pages' services.</summary>
    public static void AddRelay(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ContactScanner>();
        services.AddSingleton<RelaySettings>();
        services.AddSingleton<RelayDelivery>();
        services.AddSingleton<RelaySessionStore>();
        services.AddSingleton<IRelaySessions>(sp => sp.GetRequiredService<RelaySessionStore>());
        services.AddSingleton<RelayScreening>();
        services.AddSingleton<RelayForwarder>();
        services.AddSingleton<RelayInbound>();
        services.AddSingleton<DeferredCommandSignal>();
        services.AddSingleton<DeferredCommandDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredCommandDispatcher>());
        services.AddSingleton<IProviderCommandHandler, RelayCommands>();
        services.AddSingleton<RelayAssignment>();
        services.AddSingleton<TechnicianQueue>();
        services.AddSingleton<BusinessNumbers>();
        services.AddTransient<RelayIdleCloseJob>();
        services.AddHostedService<RelayAuditWriter>();
    }

    /// <summary>Schedules the idle-session close under a constant id, so restarts update it instead of adding another.</summary>
    public static void MapRelay(this WebApplication app)
        => app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RelayIdleCloseJob>(RelayIdleCloseJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
}
