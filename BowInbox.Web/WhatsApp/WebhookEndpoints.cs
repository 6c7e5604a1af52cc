using System.Globalization;
using BowInbox.Core.WhatsApp;
using BowInbox.Web.Hardening;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Meta's webhook. A POST is verified over its raw bytes, validated, stored as an inbound event and
/// answered at once; processing happens afterwards from the stored event, so a crash loses nothing.
/// </summary>
public static class WebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static void MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Verify).AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestLimit(RequestLimitKind.WebhookPerAddress));
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestLimit(RequestLimitKind.WebhookPerAddress));
    }

    private static IResult Verify(HttpRequest request, IOptions<WhatsAppOptions> options)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        var expected = options.Value.VerifyToken;
        return mode == "subscribe" && expected.Length > 0 && token == expected
            ? Results.Text(challenge, "text/plain")
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        IOptions<WhatsAppOptions> options,
        InboundEventStore store,
        WebhookReadGate gate,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("BowInbox.WhatsApp.Webhook");
        if (!gate.TryEnter())
        {
            logger.LogWarning("Webhook refused: {Reading} bodies are already being read", gate.Reading);
            request.HttpContext.Response.Headers.RetryAfter = WebhookReadGate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many webhooks are being received at once; deliver this one again shortly.");
        }

        WebhookBody body;
        try
        {
            body = await WebhookBodyReader.ReadVerifiedAsync(request, options.Value.AppSecret, WhatsAppLimits.MaxPayloadBytes, cancellationToken);
        }
        finally
        {
            gate.Exit();
        }

        if (body.Outcome == WebhookBodyOutcome.TooLarge)
        {
            logger.LogWarning("Webhook rejected: payload larger than {Limit} bytes", WhatsAppLimits.MaxPayloadBytes);
            return Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"WhatsApp webhooks are at most {WhatsAppLimits.MaxPayloadBytes} bytes.");
        }

        if (body.Outcome == WebhookBodyOutcome.BadSignature)
        {
            logger.LogWarning("Webhook rejected: missing or wrong {Header}", WebhookSignature.HeaderName);
            return Problem(StatusCodes.Status401Unauthorized, "Invalid signature", $"The {WebhookSignature.HeaderName} header is missing or does not match the body.");
        }

        var json = body.Json!;
        var parsed = WebhookPayloadParser.Parse(json);
        if (!parsed.IsOk)
        {
            // The parser's message names the offending path, never the values in it.
            logger.LogWarning("Webhook rejected: {Reason}", parsed.Error);
            return Problem(StatusCodes.Status400BadRequest, "Malformed webhook", parsed.Error!);
        }

        try
        {
            await store.StoreAsync(json, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not stored, so not acknowledged: Meta retries a webhook that did not get a 200.
            logger.LogError(ex, "Webhook not stored");
            return Problem(StatusCodes.Status503ServiceUnavailable, "Not stored", "The event could not be stored; it will be accepted when retried.");
        }

        return Results.Ok();
    }

    private static IResult Problem(int status, string title, string detail)
        => Results.Problem(statusCode: status, title: title, detail: detail);
}
