using System.Text;
using BowInbox.Core.Webhooks;

namespace BowInbox.Web.Webhooks;

/// <summary>What one try at a delivery got.</summary>
public sealed record WebhookAttemptResult(int? StatusCode, int LatencyMs, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>Posts one signed event to a subscriber, with the configured timeout (on the named HTTP client).</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttemptResult> SendAsync(string url, string secret, string eventId, string type, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSigning.HeaderName, WebhookSigning.Header(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("BowInbox-Event-Id", eventId);
        request.Headers.TryAddWithoutValidation("BowInbox-Event-Type", type);
        var started = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            return new WebhookAttemptResult(code, Elapsed(started), code is >= 200 and < 300 ? null : $"The receiver answered {code} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttemptResult(null, Elapsed(started), Shorten($"No answer: {ex.Message}"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(null, Elapsed(started), "No answer within the timeout");
        }
    }

    private int Elapsed(long started) => (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds);

    private static string Shorten(string text) => text.Length <= WebhookAttempt.MaxErrorLength ? text : text[..WebhookAttempt.MaxErrorLength];
}
