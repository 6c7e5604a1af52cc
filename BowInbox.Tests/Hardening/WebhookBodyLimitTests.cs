using System.Net;
using System.Text;
using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;
using BowInbox.Web.Hardening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Hardening;

public sealed class WebhookBodyLimitTests
{
    private static readonly byte[] Opening = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"");

    [Fact]
    public async Task A_body_that_never_ends_is_refused_with_413_once_past_the_limit()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = new TrickleContent(Opening, endless: true);

        var response = await SendAsync(client, body, "sha256=" + new string('a', 64)).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboundEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_limit_is_refused_before_it_is_read()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = new TrickleContent(Opening, endless: false, declaredLength: WhatsAppLimits.MaxPayloadBytes + 1L);

        var response = await SendAsync(client, body, "sha256=" + new string('a', 64)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        body.Release();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_signature_header_is_refused_before_its_body_is_read()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var body = new TrickleContent(Opening, endless: false);

        var response = await SendAsync(client, body, signature: null).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        body.Release();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_body_read_in_many_chunks_is_still_verified_and_a_wrong_one_refused()
    {
        await using var app = new InboxAppFactory();
        var client = app.CreateBrowserlessClient();
        var webhook = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.Text("15557000901", "chunk by chunk"))!;
        webhook["pad"] = new string('y', 200 * 1024);
        var bytes = Encoding.UTF8.GetBytes(webhook.ToJsonString());

        var good = await Webhooks.PostSignedChunkedAsync(client, bytes);
        var forged = await Webhooks.PostUnsignedAsync(client, bytes, WebhookSignature.Compute(bytes, "another-secret"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.InboundEvents.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Past_the_cap_of_bodies_read_at_once_a_webhook_is_answered_503_with_retry_after()
    {
        await using var app = new InboxAppFactory();
        app.Settings["RateLimits:WebhookConcurrentReads"] = "2";
        var client = app.CreateBrowserlessClient();
        var gate = app.Services.GetRequiredService<WebhookReadGate>();
        var slow = new[] { new TrickleContent(Opening, endless: false), new TrickleContent(Opening, endless: false) };
        var pending = slow.Select(body => SendAsync(client, body, "sha256=" + new string('b', 64))).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(gate.Reading == 2), "both slow bodies to be in the gate");

        var refused = await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000902", "one too many"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(WebhookReadGate.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        foreach (var body in slow)
        {
            body.Release();
        }

        Assert.All(await Task.WhenAll(pending), response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.Equal(0, gate.Reading);
        var accepted = await Webhooks.PostSignedAsync(client, Webhooks.Text("15557000902", "now there is room"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpContent body, string? signature)
    {
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = body };
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.HeaderName, signature);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
