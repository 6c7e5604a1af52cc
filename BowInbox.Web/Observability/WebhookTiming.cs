using System.Diagnostics;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Observability;

/// <summary>Counts and times every WhatsApp webhook POST by what the app answered, around the endpoint itself.</summary>
public sealed class WebhookTiming(InboxMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(WebhookEndpoints.Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            metrics.WebhookAnswered(Outcome(context), Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>What the answer meant, from its status: a closed list, so the tag never carries anything else.</summary>
    public static string Outcome(HttpContext context) => context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted
        ? "aborted"
        : context.Response.StatusCode switch
        {
            StatusCodes.Status200OK => "stored",
            StatusCodes.Status400BadRequest => "malformed",
            StatusCodes.Status401Unauthorized => "bad_signature",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status429TooManyRequests => "rate_limited",
            StatusCodes.Status503ServiceUnavailable => "not_stored",
            >= 500 => "error",
            _ => "other",
        };
}
