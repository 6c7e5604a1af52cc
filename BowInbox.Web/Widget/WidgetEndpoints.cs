using System.Globalization;
using System.Threading.RateLimiting;
using BowInbox.Core.Widget;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Widget;

/// <summary>What a visitor sends: a message, or an email to be notified at.</summary>
public sealed record WidgetTextRequest(string? Text);

public sealed record WidgetEmailRequest(string? Email);

/// <summary>
/// The widget's endpoints under <c>/widget/api/{key}</c>. Every request, the CORS preflight included, must come from one
/// of the key's allowed origins (checked here on the server, not only by the browser) and within the rate limits.
/// </summary>
public static class WidgetEndpoints
{
    public const string BasePath = "/widget/api/{key}";

    /// <summary>A request body past this is refused before it is read: the longest message, JSON-escaped, fits with room.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const string KeyItem = "BowInbox.WidgetKey";

    public static void MapWidgetEndpoints(this WebApplication app)
    {
        var api = app.MapGroup(BasePath).AllowAnonymous().DisableAntiforgery().AddEndpointFilter(GuardAsync);
        api.MapMethods("/{**rest}", ["OPTIONS"], (HttpContext http) =>
        {
            http.Response.Headers.AccessControlAllowMethods = "GET, POST";
            http.Response.Headers.AccessControlAllowHeaders = "Content-Type, " + WidgetVisitorTokens.Header;
            http.Response.Headers.AccessControlMaxAge = "600";
            return Results.NoContent();
        });
        api.MapGet("/messages", HistoryAsync);
        api.MapPost("/messages", WriteAsync);
        api.MapPost("/email", LeaveEmailAsync);
        api.MapPost("/whatsapp", ContinueOnWhatsAppAsync);
    }

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var publicKey = http.GetRouteValue("key") as string ?? "";
        await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync(http.RequestAborted);
        var key = await db.WidgetKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PublicKey == publicKey, http.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown widget", detail: "This chat widget does not exist or was switched off.");
        }

        var origin = http.Request.Headers.Origin.ToString();
        if (!key.Allows(origin))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Website not allowed", detail: "This website is not allowed to use this chat widget.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message not sent", detail: $"The message is too long; at most {WidgetSettings.MaxMessageLength:N0} characters are allowed.");
        }

        http.Response.Headers.AccessControlAllowOrigin = WidgetSettings.NormalizeOrigin(origin);
        http.Response.Headers.Vary = "Origin";
        using var lease = http.RequestServices.GetRequiredService<WidgetRequestLimits>().Limiter.AttemptAcquire(http);
        if (!lease.IsAcquired)
        {
            var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: $"Too many messages in a short time. Try again in {seconds} seconds.");
        }

        http.Items[KeyItem] = key;
        return await next(context);
    }

    private static WidgetKey KeyOf(HttpContext http) => (WidgetKey)http.Items[KeyItem]!;

    /// <summary>The visitor of a genuine token; <see cref="Results"/> 401 for a token that is not (changed, foreign, or for another widget).</summary>
    private static (int? VisitorId, IResult? Refusal) VisitorOf(HttpContext http, bool required)
    {
        var token = http.Request.Headers[WidgetVisitorTokens.Header].ToString();
        if (token.Length == 0 && !required)
        {
            return (null, null);
        }

        return http.RequestServices.GetRequiredService<WidgetVisitorTokens>().Read(token, KeyOf(http).Id) is { } visitorId
            ? (visitorId, null)
            : (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Conversation not found", detail: "This chat session is not valid. Start a new conversation."));
    }

    private static async Task<IResult> HistoryAsync(HttpContext http, WidgetConversations conversations, long? after, CancellationToken cancellationToken)
    {
        var (visitorId, refusal) = VisitorOf(http, required: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var history = await conversations.HistoryAsync(visitorId!.Value, Math.Max(0, after ?? 0), cancellationToken);
        return history is null ? VisitorGone() : Results.Ok(history);
    }

    private static async Task<IResult> WriteAsync(HttpContext http, WidgetTextRequest? request, WidgetConversations conversations, CancellationToken cancellationToken)
    {
        var (visitorId, refusal) = VisitorOf(http, required: false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (WidgetSettings.CheckMessage(request?.Text) is { } problem)
        {
            var tooLong = request?.Text is { Length: > WidgetSettings.MaxMessageLength };
            return Results.Problem(statusCode: tooLong ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, title: "Message not sent", detail: problem);
        }

        var sent = await conversations.WriteAsync(KeyOf(http), visitorId, request!.Text!, cancellationToken);
        return sent is null
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Continued on WhatsApp", detail: "This conversation continues on WhatsApp. Write to us there.")
            : Results.Ok(sent);
    }

    private static async Task<IResult> LeaveEmailAsync(HttpContext http, WidgetEmailRequest? request, WidgetConversations conversations, CancellationToken cancellationToken)
    {
        var (visitorId, refusal) = VisitorOf(http, required: true);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!WidgetSettings.IsEmail(request?.Email?.Trim()))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Email not saved", detail: "Write an email address such as name@example.com.");
        }

        return await conversations.LeaveEmailAsync(visitorId!.Value, request!.Email!.Trim(), cancellationToken) ? Results.NoContent() : VisitorGone();
    }

    private static async Task<IResult> ContinueOnWhatsAppAsync(HttpContext http, WidgetHandover handover, CancellationToken cancellationToken)
    {
        var (visitorId, refusal) = VisitorOf(http, required: true);
        if (refusal is not null)
        {
            return refusal;
        }

        return await handover.OfferAsync(visitorId!.Value, cancellationToken) is { } offer
            ? Results.Ok(offer)
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not available", detail: "This conversation cannot continue on WhatsApp right now.");
    }

    private static IResult VisitorGone()
        => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Conversation not found", detail: "This chat session is not valid. Start a new conversation.");
}
