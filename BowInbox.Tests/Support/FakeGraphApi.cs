using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BowInbox.Tests.Support;

/// <summary>One request the app made to the Graph API.</summary>
public sealed record GraphRequest(string PhoneNumberId, string? Authorization, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string? To => Json["to"]?.GetValue<string>();

    /// <summary>A business-scoped user id the message was sent to (instead of a phone in <see cref="To"/>).</summary>
    public string? Recipient => Json["recipient"]?.GetValue<string>();

    public string? Text => Json["text"]?["body"]?.GetValue<string>();
}

/// <summary>Meta's Graph API for tests: records every request and answers from a script, then with success.</summary>
public sealed class FakeGraphApi : HttpMessageHandler
{
    public const string BaseUrl = "http://fake-graph.test/v25.0";

    private readonly ConcurrentQueue<(HttpStatusCode Status, string Body)> script = new();
    private readonly ConcurrentQueue<string> wamids = new();
    private int counter;

    public static readonly byte[] MediaBytes = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>Media ids (and download URLs) the app fetched.</summary>
    public ConcurrentQueue<string> MediaDownloads { get; } = new();

    /// <summary>Files served for given media ids (bytes and type); any other id gets <see cref="MediaBytes"/> as a JPEG.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> MediaFiles { get; } = new();

    /// <summary>Media ids Meta no longer serves (<c>GET {base}/{media_id}</c> answers 404), with how many more lookups fail.</summary>
    public ConcurrentDictionary<string, int> UnavailableMedia { get; } = new();

    /// <summary>Media the app uploaded: from which of our numbers, and the id it got back.</summary>
    public ConcurrentQueue<(string PhoneNumberId, string MediaId)> MediaUploads { get; } = new();

    /// <summary>Awaited before each send is answered: a test can slow answers down or hold one back.</summary>
    public Func<GraphRequest, Task>? BeforeAnswer { get; set; }

    /// <summary>Business accounts the app is subscribed to (<c>/{WABA_ID}/subscribed_apps</c>); a POST adds one.</summary>
    public ConcurrentDictionary<string, bool> SubscribedAccounts { get; } = new();

    /// <summary>Calls to <c>/{WABA_ID}/subscribed_apps</c>: method and account.</summary>
    public ConcurrentQueue<(string Method, string WabaId)> AccountCalls { get; } = new();

    /// <summary>The next call answers with this status and body (e.g. a fixture's error).</summary>
    public void RespondNext(HttpStatusCode status, string body) => script.Enqueue((status, body));

    /// <summary>The next successful send returns this wamid.</summary>
    public void NextWamid(string wamid) => wamids.Enqueue(wamid);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (segments[^1] == "subscribed_apps")
        {
            AccountCalls.Enqueue((request.Method.Method, segments[^2]));
            if (request.Method == HttpMethod.Post)
            {
                SubscribedAccounts[segments[^2]] = true;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"success":true}""", Encoding.UTF8, "application/json") };
            }

            var apps = SubscribedAccounts.ContainsKey(segments[^2]) ? """{"whatsapp_business_api_data":{"id":"1","name":"BowInbox"}}""" : "";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"data":[{{apps}}]}""", Encoding.UTF8, "application/json") };
        }

        if (request.Method == HttpMethod.Get)
        {
            // Media: GET {base}/{media_id} describes it, GET {url} returns the bytes.
            MediaDownloads.Enqueue(segments[^1]);
            if (segments[^2] != "media-bytes" && UnavailableMedia.TryGetValue(segments[^1], out var failures) && failures > 0)
            {
                UnavailableMedia[segments[^1]] = failures == int.MaxValue ? failures : failures - 1;
                return new HttpResponseMessage(HttpStatusCode.NotFound)
                {
                    Content = new StringContent("""{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100}}""", Encoding.UTF8, "application/json"),
                };
            }

            var (bytes, mimeType) = MediaFiles.TryGetValue(segments[^1], out var file) ? file : (MediaBytes, "image/jpeg");
            return segments[^2] == "media-bytes"
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
                : new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent($$"""{"url":"{{BaseUrl}}/media-bytes/{{segments[^1]}}","mime_type":"{{mimeType}}","id":"{{segments[^1]}}","messaging_product":"whatsapp"}""", Encoding.UTF8, "application/json"),
                };
        }

        if (segments[^1] == "media")
        {
            var uploaded = $"uploaded-{segments[^2]}-{Interlocked.Increment(ref counter)}";
            MediaUploads.Enqueue((segments[^2], uploaded));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"id":"{{uploaded}}"}""", Encoding.UTF8, "application/json") };
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var sent = new GraphRequest(segments[^2], request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(sent);
        if (BeforeAnswer is { } wait)
        {
            await wait(sent);
        }

        if (script.TryDequeue(out var scripted))
        {
            return new HttpResponseMessage(scripted.Status) { Content = new StringContent(scripted.Body, Encoding.UTF8, "application/json") };
        }

        var wamid = wamids.TryDequeue(out var next) ? next : $"wamid.FAKE{Interlocked.Increment(ref counter)}";
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],"messages":[{"id":"{{wamid}}"}]}""", Encoding.UTF8, "application/json"),
        };
    }
}
