namespace BowInbox.Web.Alerts;

public static class AlertsSetup
{
    /// <summary>Operational alerts for supervisors (flagged content, paused providers, escalations), kept and pushed live.</summary>
    public static void AddSupervisorAlerts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SupervisorAlertNotifier>();
        services.AddSingleton<SupervisorAlertCentre>();
        services.AddScoped<SupervisorAlertFeed>();
        services.AddHostedService<SupervisorAlertWorker>();
    }
}
