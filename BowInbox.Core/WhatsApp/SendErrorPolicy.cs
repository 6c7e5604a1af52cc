using static BowInbox.Core.WhatsApp.WhatsAppErrorCodes;

namespace BowInbox.Core.WhatsApp;

/// <summary>Decides from a failed send's HTTP status and Graph error code whether and when to try again.</summary>
public static class SendErrorPolicy
{
    /// <summary>Attempts in all, the first send included.</summary>
    public const int MaxAttempts = 8;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    // Meta tolerates about one message every 6 seconds to the same recipient, so retrying sooner is pointless.
    private static readonly TimeSpan FirstPairRateLimitDelay = TimeSpan.FromSeconds(6);

    /// <summary>The Graph error code wins over the HTTP status; without one, the status decides.</summary>
    public static SendErrorKind Classify(int httpStatus, int? code) => code switch
    {
        ReEngagementRequired => SendErrorKind.WindowClosed,
        Undeliverable or UserIdNotSupported => SendErrorKind.Undeliverable,
        AccessTokenInvalid => SendErrorKind.AuthFailure,
        SpamRateLimit or BlockedForPolicy => SendErrorKind.SendingRestricted,
        ThroughputLimit or PairRateLimit or SomethingWentWrong => SendErrorKind.Retryable,
        InvalidParameter or MissingRequiredParameter or ParameterValueInvalid
            or TemplateParameterMismatch or TemplateDoesNotExist => SendErrorKind.OurBug,
        _ => ClassifyHttpStatus(httpStatus),
    };

    public static bool IsRetryable(SendErrorKind kind) => kind == SendErrorKind.Retryable;

    /// <param name="attemptsMade">Sends tried so far, the one that just failed included.</param>
    public static bool ShouldRetry(SendFailure failure, int attemptsMade)
        => failure.IsRetryable && attemptsMade < MaxAttempts;

    /// <summary>How long to wait after failed attempt number <paramref name="attempt"/> (1 for the first send).</summary>
    public static TimeSpan RetryDelay(int attempt, int? code)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var first = code == PairRateLimit ? FirstPairRateLimitDelay : FirstRetryDelay;
        var doublings = Math.Min(attempt - 1, 16);
        var delay = first * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private static SendErrorKind ClassifyHttpStatus(int httpStatus) => httpStatus switch
    {
        408 or 429 or >= 500 => SendErrorKind.Retryable,
        401 => SendErrorKind.AuthFailure,
        _ => SendErrorKind.OurBug,
    };
}
