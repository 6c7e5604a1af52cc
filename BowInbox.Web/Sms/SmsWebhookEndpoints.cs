using BowInbox.Core.Sms;
using BowInbox.Web.Hardening;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Sms;

/// <summary>
/// The SMS provider's webhooks, form-encoded: inbound texts at <see cref="Path"/>, delivery statuses at
/// <see cref="StatusPath"/>. A request whose <c>X-Twilio-Signature</c> does not match is refused with 403 before anything
/// is read into the database. An accepted one is stored as an inbound event (the same store, processor, deduplication
/// and crash safety as WhatsApp) and answered with an empty TwiML response; STOP/START/HELP are answered here.
/// </summary>
public static class SmsWebhookEndpoints
{
    public const string Path = "/webhooks/sms";

    public const string StatusPath = SmsClient.StatusPath;

    /// <summary>Far above any real SMS webhook (a 1,600-character body and its fields).</summary>
    public const int MaxFormBytes = 64 * 1024;

    public static void MapSmsWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestLimit(RequestLimitKind.WebhookPerAddress));
        app.MapPost(StatusPath, StatusAsync).AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestLimit(RequestLimitKind.WebhookPerAddress));
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, IOptions<SmsOptions> options, InboundEventStore store, SmsKeywordReplies keywords, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("BowInbox.Sms.Webhook");
        var (form, refusal) = await ReadSignedAsync(request, options.Value, logger, cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var (payload, error) = SmsWebhookTranslation.Message(form, time.GetUtcNow().UtcDateTime);
        if (payload is null)
        {
            logger.LogWarning("SMS webhook rejected: {Reason}", error);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed SMS webhook", detail: error);
        }

        if (SmsKeywords.Read(form.GetValueOrDefault("Body")) is var keyword and not SmsKeyword.None)
        {
            await keywords.HandleAsync(keyword, SmsWebhookTranslation.Digits(form["From"])!, SmsWebhookTranslation.Digits(form["To"])!, cancellationToken);
            return EmptyTwiml();
        }

        return await StoreAsync(store, payload, logger, cancellationToken);
    }

    private static async Task<IResult> StatusAsync(
        HttpRequest request, IOptions<SmsOptions> options, InboundEventStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("BowInbox.Sms.Webhook");
        var (form, refusal) = await ReadSignedAsync(request, options.Value, logger, cancellationToken);
        if (form is null)
        {
            return refusal!;
        }

        var (payload, error) = SmsWebhookTranslation.Status(form, time.GetUtcNow().UtcDateTime);
        if (error is not null)
        {
            logger.LogWarning("SMS status rejected: {Reason}", error);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed SMS status", detail: error);
        }

        return payload is null ? EmptyTwiml() : await StoreAsync(store, payload, logger, cancellationToken);
    }

    private static async Task<(Dictionary<string, string>? Form, IResult? Refusal)> ReadSignedAsync(HttpRequest request, SmsOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFormBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"SMS webhooks are at most {MaxFormBytes} bytes."));
        }

        if (!request.HasFormContentType)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Form expected", detail: "SMS webhooks are application/x-www-form-urlencoded."));
        }

        var read = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = MaxFormBytes, MultipartBodyLengthLimit = MaxFormBytes }, cancellationToken);
        var form = read.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var signature = request.Headers[SmsSignature.HeaderName].ToString();
        if (!SmsSignature.IsValid(SignedUrl(request, options), form, options.AuthToken, signature))
        {
            logger.LogWarning("SMS webhook rejected: missing or wrong {Header}", SmsSignature.HeaderName);
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature", detail: $"The {SmsSignature.HeaderName} header is missing or does not match the request."));
        }

        return (form, null);
    }

    /// <summary>The URL the provider requested: behind a proxy, the configured public address with this path.</summary>
    public static string SignedUrl(HttpRequest request, SmsOptions options)
        => (string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicBaseUrl.TrimEnd('/'))
            + request.Path + request.QueryString;

    private static async Task<IResult> StoreAsync(InboundEventStore store, string payload, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await store.StoreAsync(payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not stored, so not acknowledged: the provider retries.
            logger.LogError(ex, "SMS webhook not stored");
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not stored", detail: "The event could not be stored; it will be accepted when retried.");
        }

        return EmptyTwiml();
    }

    // An empty TwiML answer: we reply, if at all, through the outbox, never in the webhook's response.
    private static IResult EmptyTwiml() => Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
}
