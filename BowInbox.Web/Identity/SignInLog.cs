using BowInbox.Core.Audit;

namespace BowInbox.Web.Identity;

/// <summary>
/// Failed and refused sign-ins go to the log, not to the audit chain: anyone on the internet can cause them, and a flood
/// must not grow the chain. The email is masked to its first letter and domain; the password is never logged.
/// </summary>
public static partial class SignInLog
{
    public static void Failed(ILogger logger, string email, string address, bool lockedOut)
        => LogFailed(logger, NumberMask.Mask(email) ?? "", address, lockedOut ? "locked out" : "wrong email or password");

    public static void Throttled(ILogger logger, string email, string address)
        => LogThrottled(logger, NumberMask.Mask(email) ?? "", address);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sign-in failed for {Email} from {Address}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string email, string address, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sign-in refused for {Email} from {Address}: too many attempts from that address")]
    private static partial void LogThrottled(ILogger logger, string email, string address);
}
