using System.Net.Http.Headers;
using System.Text;
using BowInbox.Core.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

public sealed record SendOutcome(string? Wamid, SendFailure? Failure)
{
    public bool Succeeded => Wamid is not null;
}

/// <summary>The Cloud API as BowInbox uses it. Only the outbox sender calls it.</summary>
public interface IWhatsAppClient
{
    /// <summary>POSTs a complete request body (with <c>to</c>) from our number <paramref name="phoneNumberId"/>.</summary>
    Task<SendOutcome> SendAsync(string phoneNumberId, string payloadJson, CancellationToken cancellationToken);
}

/// <summary>Typed HttpClient for <c>{GraphApiBaseUrl}/{phone_number_id}/messages</c> with the bearer token.</summary>
internal sealed class WhatsAppClient(HttpClient http, IOptions<WhatsAppOptions> options) : IWhatsAppClient
{
    public async Task<SendOutcome> SendAsync(string phoneNumberId, string payloadJson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Uri.EscapeDataString(phoneNumberId)}/messages")
        {
            Content = new StringContent(payloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && GraphSendResponse.TryReadWamid(body, out var wamid))
            {
                return new SendOutcome(wamid, null);
            }

            return new SendOutcome(null, SendFailure.FromResponse((int)response.StatusCode, body));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(null, SendFailure.Timeout());
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome(null, SendFailure.NetworkFailure(ex.Message));
        }
    }
}
