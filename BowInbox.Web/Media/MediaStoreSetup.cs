using Hangfire;

namespace BowInbox.Web.Media;

public static class MediaStoreSetup
{
    /// <summary>The app's copies of received files: the store, the download job (run on receipt and every minute) and the thread's Retry.</summary>
    public static void AddMediaStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MediaStore>();
        services.AddSingleton<MediaRetry>();
        services.AddTransient<MediaDownloadJob>();
        services.AddHostedService<MediaDownloadSchedule>();
    }

    /// <summary>Registers the download job under its constant id at start, so a restart updates it instead of adding another.</summary>
    private sealed class MediaDownloadSchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<MediaDownloadJob>(MediaDownloadJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
