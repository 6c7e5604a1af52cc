using System.Text;
using BowInbox.Core.Numbers;
using BowInbox.Core.Sms;
using BowInbox.Core.WhatsApp;
using BowInbox.Web.Sms;
using BowInbox.Web.WhatsApp;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Simulator;

/// <summary>
/// What a simulated phone writes, posted to the app's own webhook exactly as the outside world would: to a WhatsApp
/// number as Meta's signed JSON, to an SMS number as the SMS provider's form signed with <c>Sms:AuthToken</c>.
/// </summary>
public sealed class SimulatorSender(
    IHttpClientFactory httpClients, IOptions<WhatsAppOptions> whatsApp, IOptions<SmsOptions> sms, SimulatorPhones phones, TimeProvider time)
{
    /// <summary>Posts <paramref name="text"/> from <paramref name="phone"/> to <paramref name="ourNumber"/>; null when the webhook took it, else why not.</summary>
    public async Task<string?> SendAsync(Uri appBase, ProxyNumber ourNumber, string phone, string profileName, string text, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        string id;
        HttpRequestMessage request;
        if (ourNumber.IsSms)
        {
            if (BusinessScopedUserId.IsOne(phone) || SmsWebhookTranslation.Digits(phone) is null)
            {
                return "An SMS comes from a phone number; a username customer can only write on WhatsApp.";
            }

            id = "SMSIMIN" + Guid.NewGuid().ToString("N");
            var form = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["MessageSid"] = id,
                ["AccountSid"] = sms.Value.AccountSid,
                ["From"] = "+" + phone,
                ["To"] = "+" + ourNumber.PhoneNumberId,
                ["Body"] = text,
                ["NumMedia"] = "0",
            };
            var url = new Uri(appBase, SmsWebhookEndpoints.Path.TrimStart('/'));
            var signedUrl = string.IsNullOrWhiteSpace(sms.Value.PublicBaseUrl) ? url.AbsoluteUri : sms.Value.PublicBaseUrl.TrimEnd('/') + SmsWebhookEndpoints.Path;
            request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add(SmsSignature.HeaderName, SmsSignature.Compute(signedUrl, form, sms.Value.AuthToken));
        }
        else
        {
            id = "wamid.SIMIN" + Guid.NewGuid().ToString("N");
            var body = Encoding.UTF8.GetBytes(SimulatedWebhooks.TextMessage(ourNumber.PhoneNumberId, phone, profileName, text, id, now));
            request = new HttpRequestMessage(HttpMethod.Post, new Uri(appBase, WebhookEndpoints.Path.TrimStart('/'))) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(body, whatsApp.Value.AppSecret));
        }

        using (request)
        {
            using var response = await httpClients.CreateClient("simulator").SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
        }

        phones.Add(new SimulatedMessage(phone, ourNumber.PhoneNumberId, FromPhone: true, text, now, id));
        return null;
    }
}
