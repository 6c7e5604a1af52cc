using System.Security.Cryptography;

namespace BowInbox.Web.Hardening;

/// <summary>
/// Headers on every response: a Content-Security-Policy that Blazor Server and MudBlazor work under, no framing, no
/// content sniffing, no full URL in the referrer sent to other sites.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "BowInbox.CspNonce";

    /// <summary>
    /// Scripts from the app only, plus the one inline script Blazor writes (the import map) by its per-response nonce.
    /// MudBlazor sets inline styles, so styles allow them; fonts are the system's own (no third-party requests). The hub's WebSocket is
    /// same-origin, which <c>connect-src 'self'</c> covers.
    /// </summary>
    public static string Policy(string nonce)
        => $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data: blob:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The nonce of this response's policy, for the inline scripts the app itself writes.</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceItem] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            // Hex, not base64: '+' and '/' would be HTML-encoded in the page and no longer read as the header's value.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
            // Set as the response starts, so error pages and status-code pages (which clear headers) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
