using Hangfire;

namespace BowInbox.Web.Csat;

public static class CsatSetup
{
    /// <summary>Customer satisfaction: the recurring survey, the replies caught on the central number, the results on /supervisor.</summary>
    public static void AddCsat(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<CsatSurveyJob>();
        services.AddSingleton<CsatReplies>();
        services.AddSingleton<CsatQueries>();
        services.AddHostedService<CsatSurveySchedule>();
    }

    /// <summary>Registers the survey under its constant id at start, so a restart updates it instead of adding another.</summary>
    private sealed class CsatSurveySchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<CsatSurveyJob>(CsatSurveyJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
