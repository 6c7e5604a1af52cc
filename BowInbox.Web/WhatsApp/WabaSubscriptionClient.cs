using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>What Meta said about the app's subscription to a WhatsApp Business Account; an error a person can act on otherwise.</summary>
public sealed record WabaSubscriptionAnswer(bool? Subscribed, string? Error);

/// <summary>
/// <c>GET</c> and <c>POST {GraphApiBaseUrl}/{WABA_ID}/subscribed_apps</c>: without the app subscribed to the account,
/// Meta sends no webhook for its numbers.
/// </summary>
public sealed class WabaSubscriptionClient(HttpClient http, IOptions<WhatsAppOptions> options)
{
    /// <summary>Subscribed when Meta lists at least one app on the account (this install's token can only see its own).</summary>
    public Task<WabaSubscriptionAnswer> CheckAsync(string wabaId, CancellationToken cancellationToken)
        => CallAsync(HttpMethod.Get, wabaId, body => body?["data"] is JsonArray { Count: > 0 }, cancellationToken);

    public Task<WabaSubscriptionAnswer> SubscribeAsync(string wabaId, CancellationToken cancellationToken)
        => CallAsync(HttpMethod.Post, wabaId, body => body?["success"]?.GetValue<bool>() == true, cancellationToken);

    private async Task<WabaSubscriptionAnswer> CallAsync(HttpMethod method, string wabaId, Func<JsonNode?, bool> subscribed, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"{Uri.EscapeDataString(wabaId)}/subscribed_apps");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var failure = Core.WhatsApp.SendFailure.FromResponse((int)response.StatusCode, text);
                return new WabaSubscriptionAnswer(null, $"Meta answered HTTP {(int)response.StatusCode}: {failure.Title}");
            }

            return new WabaSubscriptionAnswer(subscribed(JsonNode.Parse(text)), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WabaSubscriptionAnswer(null, $"Could not reach the Graph API ({ex.GetType().Name}).");
        }
    }
}
