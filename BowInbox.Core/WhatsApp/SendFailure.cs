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

    public static SendFailure NetworkFailure(string reason)
        => new(SendErrorKind.Retryable, null, null, "Could not reach the Graph API", reason);
}
