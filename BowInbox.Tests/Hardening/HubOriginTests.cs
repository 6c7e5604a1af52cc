using System.Net;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Hardening;

public sealed class HubOriginTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8081")]
    [InlineData("null")]
    public async Task A_negotiate_from_another_sites_page_is_refused_even_when_signed_in(string origin)
    {
        var client = await Login.AsAsync(shared.App, "intake@demo.local");

        var response = await NegotiateAsync(client, origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_negotiate_from_the_apps_own_page_is_accepted()
    {
        var client = await Login.AsAsync(shared.App, "intake@demo.local");

        var response = await NegotiateAsync(client, "http://localhost");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_websocket_upgrade_from_another_site_is_refused()
    {
        var client = await Login.AsAsync(shared.App, "intake@demo.local");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hubs/inbox?id=abc");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Connection", "Upgrade");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/inbox/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
