using System.Net;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Channel;

public sealed class WebhookVerificationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Handshake_with_the_right_token_echoes_the_challenge()
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={InboxAppFactory.VerifyToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", InboxAppFactory.VerifyToken)]
    [InlineData("", "")]
    public async Task Handshake_with_a_wrong_token_or_mode_is_forbidden(string mode, string token)
    {
        var client = shared.App.CreateBrowserlessClient();

        var response = await client.GetAsync($"/webhooks/whatsapp?hub.mode={mode}&hub.challenge=challenge-8731&hub.verify_token={token}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("challenge-8731", await response.Content.ReadAsStringAsync());
    }
}
