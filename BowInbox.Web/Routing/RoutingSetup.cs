using BowInbox.Web.Relay;
using Hangfire;

namespace BowInbox.Web.Routing;

public static class RoutingSetup
{
    /// <summary>Qualification of new leads, the router, offers and their expiry job, and providers' WhatsApp commands.</summary>
    public static void AddTicketRouting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section);
        services.AddSingleton<RoutingRulesStore>();
        services.AddSingleton<CustomerNotices>();
        services.AddSingleton<ProviderNotices>();
        services.AddSingleton<RoutingEscalation>();
        services.AddSingleton<TicketRouter>();
        services.AddSingleton<ITicketRouter>(sp => sp.GetRequiredService<TicketRouter>());
        services.AddSingleton<OfferResponses>();
        services.AddSingleton<ProviderAvailabilityChanges>();
        services.AddSingleton<OfferQueries>();
        services.AddSingleton<TicketReassignment>();
        services.AddSingleton<ProviderRetirement>();
        services.AddSingleton<ProviderAdministration>();
        services.AddTransient<OfferExpiryJob>();
        services.AddSingleton<IProviderCommandHandler, OfferCommands>();

        services.AddSingleton<LeadIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<LeadIntake>());
        services.AddHostedService<HandoffRouting>();
        services.AddSingleton<OfferWamids>();
        services.AddHostedService(sp => sp.GetRequiredService<OfferWamids>());
        services.AddHostedService<RoutingJobSchedule>();
    }

    /// <summary>Registers the recurring expiry job under a constant id, so restarts update it instead of adding another.</summary>
    private sealed class RoutingJobSchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<OfferExpiryJob>(OfferExpiryJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
