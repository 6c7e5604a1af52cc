using System.Text;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.Support;

/// <summary>Posts webhook bodies to the app signed exactly as Meta signs them.</summary>
public static class Webhooks
{
    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string json)
        => PostSignedAsync(client, Encoding.UTF8.GetBytes(json));

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, byte[] body, string secret = InboxAppFactory.AppSecret)
        => PostAsync(client, new ByteArrayContent(body), WebhookSignature.Compute(body, secret));

    /// <summary>Posts a signed webhook without a Content-Length, as a chunked body, so the app cannot know its size up front.</summary>
    public static Task<HttpResponseMessage> PostSignedChunkedAsync(HttpClient client, byte[] body)
        => PostAsync(client, new UnknownLengthContent(body), WebhookSignature.Compute(body, InboxAppFactory.AppSecret), chunked: true);

    public static Task<HttpResponseMessage> PostUnsignedAsync(HttpClient client, byte[] body, string? signature)
        => PostAsync(client, new ByteArrayContent(body), signature);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content, string? signature, bool chunked = false)
    {
        using (content)
        {
            content.Headers.ContentType = new("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = content };
            if (signature is not null)
            {
                request.Headers.Add(WebhookSignature.HeaderName, signature);
            }

            request.Headers.TransferEncodingChunked = chunked ? true : null;
            return await client.SendAsync(request);
        }
    }

    /// <summary>Our central number, the one <see cref="Text"/> and <see cref="WithMessage"/> write to unless told otherwise.</summary>
    public const string OurNumber = "100000000000001";

    /// <summary>
    /// The one envelope every test webhook is built in: a single "messages" change to <paramref name="phoneNumberId"/>
    /// whose value holds <paramref name="valueMembers"/> (JSON members, without braces) besides its metadata.
    /// </summary>
    public static string Change(string valueMembers, string phoneNumberId = OurNumber, string displayPhoneNumber = "15550000000")
        => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"300000000000001","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp",
          "metadata":{"display_phone_number":"{{{displayPhoneNumber}}}","phone_number_id":"{{{phoneNumberId}}}"},
          {{{valueMembers}}}
        }}]}]}
        """;

    /// <summary>
    /// One message from <paramref name="from"/>, shaped like Meta's: <paramref name="typeAndContent"/> is its
    /// <c>"type"</c> member and that type's object (see <see cref="TextContent"/> and <c>RelayWebhooks</c>).
    /// </summary>
    public static string Message(string from, string phoneNumberId, string wamid, string typeAndContent, string? contextId = null, string profileName = "Maria Lopez")
    {
        var context = contextId is null ? "" : $$""","context":{"from":"{{phoneNumberId}}","id":"{{contextId}}"}""";
        return Change(
            $$"""
            "contacts":[{"profile":{"name":"{{profileName}}"},"wa_id":"{{from}}"}],
            "messages":[{"from":"{{from}}","id":"{{wamid}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}"{{context}},{{typeAndContent}}}]
            """,
            phoneNumberId);
    }

    /// <summary>A text message from <paramref name="from"/> to our number, shaped like Meta's.</summary>
    public static string Text(string from, string text, string? wamid = null, string phoneNumberId = OurNumber, string profileName = "Maria Lopez", string? contextId = null)
        => Message(from, phoneNumberId, wamid ?? "wamid.T" + Guid.NewGuid().ToString("N"), TextContent(text), contextId, profileName);

    /// <summary>The <c>"type"</c> and <c>"text"</c> members of a text message.</summary>
    public static string TextContent(string text) => "\"type\":\"text\",\"text\":{\"body\":" + JsonString(text) + "}";

    /// <summary>The <c>"type"</c> and <c>"interactive"</c> members of a reply button pressed.</summary>
    public static string ButtonReply(string id, string title)
        => "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":" + JsonString(id) + ",\"title\":" + JsonString(title) + "}}";

    /// <summary>A change holding <paramref name="messageJson"/> as its only message, from Maria, for parser cases.</summary>
    public static string WithMessage(string messageJson) => Change($$"""
        "contacts":[{"profile":{"name":"Maria Lopez"},"wa_id":"15557000001"}],
        "messages":[{{messageJson}}]
        """);

    /// <summary>A change holding <paramref name="statusJson"/> as its only status, for parser cases.</summary>
    public static string WithStatus(string statusJson) => Change($$"""
        "statuses":[{{statusJson}}]
        """);

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>The <c>messages</c> array of a webhook built by <see cref="Text"/>, to add, repeat or change messages.</summary>
    public static System.Text.Json.Nodes.JsonArray Messages(System.Text.Json.Nodes.JsonNode webhook)
        => webhook["entry"]![0]!["changes"]![0]!["value"]!["messages"]!.AsArray();

    /// <summary>
    /// Several webhooks as one, as Meta sometimes batches them: the first one's envelope with every webhook's changes in
    /// order (each change keeps its own number's metadata).
    /// </summary>
    public static string Batch(IEnumerable<string> webhooks)
    {
        System.Text.Json.Nodes.JsonNode? batch = null;
        foreach (var webhook in webhooks)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(webhook)!;
            if (batch is null)
            {
                batch = node;
                continue;
            }

            foreach (var change in node["entry"]![0]!["changes"]!.AsArray())
            {
                batch["entry"]![0]!["changes"]!.AsArray().Add(change!.DeepClone());
            }
        }

        return batch?.ToJsonString() ?? throw new ArgumentException("No webhook to batch.", nameof(webhooks));
    }

    public static string Status(string wamid, string status, string recipient = "15557000001", string phoneNumberId = OurNumber)
        => Change(
            $$"""
            "statuses":[{"id":"{{wamid}}","status":"{{status}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}","recipient_id":"{{recipient}}"}]
            """,
            phoneNumberId);

    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            // In pieces, as a slow sender's body arrives.
            for (var offset = 0; offset < body.Length; offset += 8 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(8 * 1024, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
