using Hangfire;

namespace BowInbox.Web.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// Encryption of stored payloads (and, once at start, of those an earlier version stored in clear), and the purge of
    /// processed webhook events after their retention.
    /// </summary>
    public static void AddPrivacyAtRest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoredPayloads>();
        services.AddSingleton<OriginalTexts>();
        services.AddTransient<InboundEventPurgeJob>();
        services.AddHostedService<PurgeSchedule>();

        // Registered before the WhatsApp channel's services, so it has finished before webhooks are stored or processed.
        services.AddHostedService<LegacyPayloadEncryption>();
        services.AddSingleton<PhoneKeyUpgrade>();
        services.AddHostedService(provider => provider.GetRequiredService<PhoneKeyUpgrade>());
    }

    /// <summary>Registers the purge under its constant id at start, so a restart updates it instead of adding another.</summary>
    private sealed class PurgeSchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<InboundEventPurgeJob>(InboundEventPurgeJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
