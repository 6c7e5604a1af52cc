using BowInbox.Tests.Support;
using BowInbox.Web.Jobs;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace BowInbox.Tests.Foundation;

public sealed class HostLogProviderTests
{
    [Fact]
    public void Hangfire_writes_reach_the_host_log_while_it_lives_and_fall_silent_once_it_is_disposed()
    {
        var captured = new CapturedLogs();
        var factory = LoggerFactory.Create(logging => logging.AddProvider(captured));
        var provider = new HostLogProvider(factory);

        var before = provider.GetLogger("Hangfire.Server.Worker");
        Assert.True(before.Log(HangfireLevel.Warn, () => "job retried"));
        Assert.Contains(captured.Lines, line => line.Contains("job retried", StringComparison.Ordinal));

        factory.Dispose();

        // A component of another host of the process, created after this host stopped, still gets a logger.
        var after = provider.GetLogger("Hangfire.Server.Worker");
        Assert.False(after.Log(HangfireLevel.Warn, () => "after stop"));
        before.Log(HangfireLevel.Warn, () => "late write");
        Assert.DoesNotContain(captured.Lines, line => line.Contains("after stop", StringComparison.Ordinal));
    }
}
