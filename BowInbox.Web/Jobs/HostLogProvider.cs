using Hangfire.AspNetCore;
using Hangfire.Logging;
using LogLevel = Hangfire.Logging.LogLevel;

namespace BowInbox.Web.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: the host that configured Hangfire last supplies the loggers of
/// every Hangfire component created afterwards, in any host of the process. Once that host stops, its logger
/// factory is disposed, and Hangfire's plain provider then throws from inside the other hosts' jobs and
/// clients. This one lets those writes fall silent instead; the host they belonged to is gone.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new GuardedLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class GuardedLog(ILog inner) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
