using System.Text.Json;
using BowInbox.Core.Widget;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Widget;

/// <summary>
/// <c>GET /widget.js?key=...</c>: the widget's script (plain JavaScript, no framework) with the key's look and
/// language written into it. A revoked or unknown key gets no script, so the launcher simply does not appear.
/// </summary>
public static class WidgetScript
{
    public const string Path = "/widget.js";

    private const string Placeholder = "/*CONFIG*/";

    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(WidgetScript).Assembly.GetManifestResourceStream("BowInbox.Web.Widget.widget.js")
            ?? throw new InvalidOperationException("The widget script is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapWidgetScript(this WebApplication app)
        => app.MapGet(Path, async (HttpContext http, string? key, IDbContextFactory<InboxDbContext> contexts, IOptions<WidgetOptions> options, CancellationToken cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var widget = string.IsNullOrEmpty(key) ? null : await db.WidgetKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PublicKey == key, cancellationToken);
            if (widget is null || widget.IsRevoked)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown widget", detail: "This chat widget does not exist or was switched off.");
            }

            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(Render(widget, $"{http.Request.Scheme}://{http.Request.Host}", options.Value), "text/javascript; charset=utf-8");
        }).AllowAnonymous();

    /// <summary>The script for <paramref name="widget"/>, talking to the app at <paramref name="appOrigin"/>.</summary>
    public static string Render(WidgetKey widget, string appOrigin, WidgetOptions options)
    {
        var config = new
        {
            key = widget.PublicKey,
            api = appOrigin,
            color = WidgetSettings.IsColor(widget.Color) ? widget.Color : WidgetSettings.DefaultColor,
            greeting = widget.Greeting,
            lang = widget.Language,
            texts = WidgetTexts.For(widget.Language),
            maxLength = WidgetSettings.MaxMessageLength,
            pollSeconds = options.PollSeconds,
        };
        return Source.Value.Replace(Placeholder, JsonSerializer.Serialize(config), StringComparison.Ordinal);
    }
}
