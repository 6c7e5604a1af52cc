using BowInbox.Data;
using BowInbox.Web.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

/// <summary>
/// Several hosts share one process in the test suite (and could in a host that runs two apps). Hangfire's
/// own default hands every host the process-wide JobStorage.Current, which whichever host configured last
/// set; once that host stopped, the others used a disposed storage and failed at start.
/// </summary>
public sealed class HangfireHostIsolationTests
{
    [Fact]
    public async Task Each_host_builds_its_jobs_from_its_own_services_after_another_host_configured_Hangfire()
    {
        await using var first = BuildHost("first");
        await using var second = BuildHost("second");

        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();

        Assert.Equal("first", HostNameSeenByJobsOf(first));
        Assert.Equal("second", HostNameSeenByJobsOf(second));
    }

    [Fact]
    public async Task Each_host_keeps_its_own_job_storage_after_another_host_configured_and_stopped()
    {
        await using var first = BuildHost();
        var second = BuildHost();

        // Both configure Hangfire before either takes its storage: the order in which parallel starts interleave.
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();
        var firstStorage = first.Services.GetRequiredService<JobStorage>();
        var secondStorage = second.Services.GetRequiredService<JobStorage>();
        Assert.NotSame(firstStorage, secondStorage);
        // Taken before the other host stops, as the app's start does: Hangfire's log provider is process-wide too.
        var jobs = first.Services.GetRequiredService<IRecurringJobManager>();

        await second.DisposeAsync();

        jobs.AddOrUpdate("isolation-check", () => Console.WriteLine("tick"), Cron.Daily());
        using var connection = firstStorage.GetConnection();
        Assert.NotEmpty(connection.GetAllEntriesFromHash("recurring-job:isolation-check") ?? []);
    }

    private static string HostNameSeenByJobsOf(WebApplication host)
    {
#pragma warning disable CS0618 // The context-free overload: this activator ignores the context.
        using var scope = host.Services.GetRequiredService<JobActivator>().BeginScope();
#pragma warning restore CS0618
        return ((HostName)scope.Resolve(typeof(HostName))).Value;
    }

    private static WebApplication BuildHost(string name = "host")
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton(new HostName(name));
        builder.AddBackgroundJobs(DatabaseProvider.Sqlite, "Data Source=:memory:");
        return builder.Build();
    }

    private sealed record HostName(string Value);
}
