namespace BowInbox.Core.WhatsApp;

/// <summary>A send that did not get a wamid back, classified so the outbox knows whether to try again.</summary>
public sealed record SendFailure(SendErrorKind Kind, int? HttpStatus, int? Code, string Title, string? Details)
{
    public bool IsRetryable => SendErrorPolicy.IsRetryable(Kind);

    /// <summary>A non-success HTTP response; the body may be a Graph error or anything a gateway sends.</summary>
    public static SendFailure FromResponse(int httpStatus, string? body)
    {
        GraphApiError.TryParse(body, out var error);
        return new SendFailure(
            SendErrorPolicy.Classify(httpStatus, error?.Code),
            httpStatus,
            error?.Code,
            error?.Title ?? $"The Graph API answered HTTP {httpStatus}",
            error?.Details);
    }

    public static SendFailure Timeout()
        => new(SendErrorKind.Retryable, null, null, "The Graph API did not answer in time", null);

    /// <summary>Media larger than WhatsApp carries: trying again cannot help.</summary>
    public static SendFailure MediaTooLarge(long? size)
        => new(SendErrorKind.Undeliverable, null, null, $"Media larger than WhatsApp's {WhatsAppLimits.MaxMediaBytes / (1024 * 1024)} MB", size is null ? null : $"{size} bytes");

    /// <summary>Not sent: sending from this number was stopped after Meta restricted it (an admin resumes it at /admin/numbers).</summary>
    public static SendFailure SendingStopped(int? code)
        => new(SendErrorKind.SendingRestricted, null, code, "Sending from this number is stopped", "Meta restricted the number; an admin resumes sending at /admin/numbers.");

    public static SendFailure NetworkFailure(string reason)
        => new(SendErrorKind.Retryable, null, null, "Could not reach the Graph API", reason);
}
