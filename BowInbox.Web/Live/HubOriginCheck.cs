namespace BowInbox.Web.Live;

/// <summary>
/// A browser sends its page's <c>Origin</c> with every WebSocket and negotiate request, and cookies go along whatever
/// site the page is on: a hub request from another site's page is refused (403), so that page cannot act as the
/// signed-in user. Requests without an <c>Origin</c> do not come from a browser page and are left to authorization.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubPath)
        => app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubPath) && !IsOwnOrigin(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next();
        });

    public static bool IsOwnOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
