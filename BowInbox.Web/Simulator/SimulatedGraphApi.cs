using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.Simulator;

/// <summary>
/// Plays Meta's Graph API in Development: accepts sends, puts them on the recipient's simulated phone,
/// answers with a wamid, and reports "sent" then "delivered" back through the webhook pipeline.
/// </summary>
internal sealed class SimulatedGraphApi(SimulatorPhones phones, SimulatedWebhooks webhooks, TimeProvider time) : HttpMessageHandler
{
    public const string BaseUrl = "http://whatsapp-simulator.local/" + Core.WhatsApp.GraphApiVersions.Current + "/";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (segments[^1] == "subscribed_apps")
        {
            // Every simulated business account has the app subscribed; subscribing again succeeds, as it does at Meta.
            return request.Method == HttpMethod.Post
                ? Json(HttpStatusCode.OK, """{"success":true}""")
                : Json(HttpStatusCode.OK, """{"data":[{"whatsapp_business_api_data":{"id":"1000000000000","link":"https://bowinbox.local","name":"BowInbox (simulator)"}}]}""");
        }

        if (request.Method == HttpMethod.Get)
        {
            // Media the simulated phones "sent": a described URL, then a tiny placeholder image.
            return segments[^2] == "media-bytes"
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0]) }
                : Json(HttpStatusCode.OK, $$"""{"url":"{{BaseUrl}}media-bytes/{{segments[^1]}}","mime_type":"image/jpeg","id":"{{segments[^1]}}","messaging_product":"whatsapp"}""");
        }

        if (request.Method == HttpMethod.Post && segments.Length >= 2 && segments[^1] == "media")
        {
            return Json(HttpStatusCode.OK, $$"""{"id":"sim-media-{{Guid.NewGuid():N}}"}""");
        }

        if (request.Method != HttpMethod.Post || segments.Length < 2 || segments[^1] != "messages")
        {
            return Json(HttpStatusCode.BadRequest, """{"error":{"message":"Unsupported request","type":"OAuthException","code":100}}""");
        }

        var phoneNumberId = segments[^2];
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        if (body["status"]?.GetValue<string>() == "read")
        {
            return Json(HttpStatusCode.OK, """{"success":true}""");
        }

        // A phone goes in "to", a business-scoped user id in "recipient"; Meta drops a BSUID put in "to".
        var to = body["to"]?.GetValue<string>() ?? body["recipient"]?.GetValue<string>();
        if (string.IsNullOrEmpty(to) || BusinessScopedUserId.IsOne(body["to"]?.GetValue<string>()))
        {
            return Json(HttpStatusCode.BadRequest, """{"error":{"message":"(#100) Param to is required","type":"OAuthException","code":100}}""");
        }

        var wamid = "wamid.SIM" + Guid.NewGuid().ToString("N");
        phones.Add(new SimulatedMessage(to, phoneNumberId, FromPhone: false, Describe(body), time.GetUtcNow().UtcDateTime, wamid));
        _ = Task.Run(() => webhooks.ReportDeliveryAsync(phoneNumberId, to, wamid), CancellationToken.None);
        return Json(HttpStatusCode.OK, $$"""{"messaging_product":"whatsapp","contacts":[{"input":"{{to}}","{{(BusinessScopedUserId.IsOne(to) ? "user_id" : "wa_id")}}":"{{to}}"}],"messages":[{"id":"{{wamid}}"}]}""");
    }

    /// <summary>What the phone's screen shows for a request body.</summary>
    private static string Describe(JsonNode body)
    {
        var type = body["type"]?.GetValue<string>();
        return type switch
        {
            "text" => body["text"]?["body"]?.GetValue<string>() ?? "",
            "interactive" => InteractiveText(body["interactive"]!),
            "template" => $"[template {body["template"]?["name"]}] " + string.Join(" · ", TemplateParameters(body["template"]!)),
            _ => $"[{type}]",
        };
    }

    private static string InteractiveText(JsonNode interactive)
    {
        var text = new StringBuilder(interactive["body"]?["text"]?.GetValue<string>() ?? "");
        foreach (var button in interactive["action"]?["buttons"]?.AsArray() ?? [])
        {
            text.Append(" [").Append(button?["reply"]?["title"]).Append(']');
        }

        if (interactive["action"]?["name"]?.GetValue<string>() == "send_location")
        {
            text.Append(" [Send location]");
        }

        foreach (var section in interactive["action"]?["sections"]?.AsArray() ?? [])
        {
            foreach (var row in section?["rows"]?.AsArray() ?? [])
            {
                text.Append(" [").Append(row?["title"]).Append(']');
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> TemplateParameters(JsonNode template)
        => (template["components"]?.AsArray() ?? [])
            .SelectMany(c => c?["parameters"]?.AsArray() ?? [])
            .Select(p => p?["text"]?.GetValue<string>() ?? p?["payload"]?.GetValue<string>() ?? "")
            .Where(p => p.Length > 0);

    private static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
