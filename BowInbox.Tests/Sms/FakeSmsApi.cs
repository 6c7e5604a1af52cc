using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace BowInbox.Tests.Sms;

/// <summary>One request the app made to the SMS provider's Messages API.</summary>
public sealed record SmsRequest(string Path, string? Authorization, IReadOnlyDictionary<string, string> Form)
{
    public string To => Form.GetValueOrDefault("To") ?? "";

    public string From => Form.GetValueOrDefault("From") ?? "";

    public string Body => Form.GetValueOrDefault("Body") ?? "";
}

/// <summary>The SMS provider for tests: records every send and answers with a new message SID.</summary>
public sealed class FakeSmsApi : HttpMessageHandler
{
    public const string BaseUrl = "http://fake-sms.test";

    private int counter;

    public ConcurrentQueue<SmsRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
        Requests.Enqueue(new SmsRequest(request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), form));
        var sid = $"SM{Interlocked.Increment(ref counter):D32}";
        return new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent($$"""{"sid":"{{sid}}","status":"queued"}""", Encoding.UTF8, "application/json"),
        };
    }
}
