using Hangfire;

namespace BowInbox.Web.Sla;

public static class SlaSetup
{
    /// <summary>SLA policies, the clocks kept on tickets, the recurring monitor and the alerts it raises.</summary>
    public static void AddSla(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SlaPolicyResolver>();
        services.AddSingleton<SlaPolicyAdministration>();
        services.AddSingleton<SlaClockRecalculator>();
        services.AddSingleton<SlaAlertNotifier>();
        services.AddSingleton<SlaBreachTexts>();
        services.AddSingleton<SlaAlertRaiser>();
        services.AddSingleton<SlaAlertCentre>();
        services.AddTransient<SlaMonitorJob>();
        services.AddScoped<SlaAlertFeed>();
        services.AddSingleton<SlaClockUpdater>();
        services.AddHostedService(sp => sp.GetRequiredService<SlaClockUpdater>());
        services.AddHostedService<SlaMonitorSchedule>();
    }

    /// <summary>Registers the monitor under its constant id at start, so a restart updates it instead of adding another.</summary>
    private sealed class SlaMonitorSchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<SlaMonitorJob>(SlaMonitorJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
