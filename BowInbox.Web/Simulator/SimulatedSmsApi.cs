using System.Net;
using System.Text;
using BowInbox.Core.Sms;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Simulator;

/// <summary>
/// Plays the SMS provider's Messages API in Development (with <c>Sms:Simulator</c> on): accepts a send, puts it on the
/// recipient's simulated phone, answers with a message SID, and reports "delivered" back as the provider's status
/// callback would, through the one inbound store.
/// </summary>
internal sealed class SimulatedSmsApi(SimulatorPhones phones, InboundEventStore store, TimeProvider time, ILogger<SimulatedSmsApi> logger) : HttpMessageHandler
{
    public const string BaseUrl = "http://sms-simulator.local";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = request.Method == HttpMethod.Post && request.Content is not null && request.RequestUri!.AbsolutePath.EndsWith("/Messages.json", StringComparison.Ordinal)
            ? await ReadFormAsync(request.Content, cancellationToken)
            : null;
        var to = SmsWebhookTranslation.Digits(form?.GetValueOrDefault("To"));
        var from = SmsWebhookTranslation.Digits(form?.GetValueOrDefault("From"));
        if (form is null || to is null || from is null || string.IsNullOrEmpty(form.GetValueOrDefault("Body")))
        {
            return Json(HttpStatusCode.BadRequest, """{"code":21604,"message":"A 'To', 'From' and 'Body' are required.","status":400}""");
        }

        var sid = "SMSIM" + Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        phones.Add(new SimulatedMessage(to, from, FromPhone: false, form["Body"], now, sid));
        _ = Task.Run(() => ReportDeliveredAsync(sid, from, to), CancellationToken.None);
        return Json(HttpStatusCode.Created, $$"""{"sid":"{{sid}}","status":"queued"}""");
    }

    private async Task ReportDeliveredAsync(string sid, string from, string to)
    {
        try
        {
            var status = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["MessageSid"] = sid,
                ["MessageStatus"] = "delivered",
                ["From"] = "+" + from,
                ["To"] = "+" + to,
            };
            if (SmsWebhookTranslation.Status(status, time.GetUtcNow().UtcDateTime).Payload is { } payload)
            {
                await store.StoreAsync(payload, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The SMS simulator could not report delivery of {Sid}", sid);
        }
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = await content.ReadAsStringAsync(cancellationToken);
        return body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
