using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public class GraphApiErrorTests
{
    [Theory]
    [InlineData("send_error_400_131047.json", 131047, "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")]
    [InlineData("send_error_400_130429.json", 130429, "Rate limit hit", "Cloud API message throughput has been reached.")]
    [InlineData("send_error_400_131056.json", 131056, "(Business Account, Consumer Account) pair rate limit hit",
        "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.")]
    [InlineData("send_error_500_131000.json", 131000, "Something went wrong", "Something went wrong.")]
    [InlineData("send_error_401_190.json", 190, "Error validating access token: Session has expired.", null)]
    public void Error_fixture_parses_into_code_title_and_details(string fixture, int code, string title, string? details)
    {
        Assert.True(GraphApiError.TryParse(Fixtures.Text(fixture), out var error));

        Assert.Equal(code, error.Code);
        Assert.Equal(title, error.Title);
        Assert.Equal(details, error.Details);
        Assert.StartsWith("AbCdEfGhIjKlMnOpQrStUv", error.FbTraceId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"messaging_product":"whatsapp","messages":[{"id":"wamid.X"}]}""")]
    [InlineData("""{"error":"nope"}""")]
    public void Body_without_a_graph_error_does_not_parse(string? body)
    {
        Assert.False(GraphApiError.TryParse(body, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Error_without_message_is_titled_by_its_type()
    {
        Assert.True(GraphApiError.TryParse("""{"error":{"type":"OAuthException","code":100}}""", out var error));

        Assert.Equal("OAuthException", error.Title);
        Assert.Equal(100, error.Code);
    }

    [Fact]
    public void Successful_send_response_gives_the_wamid()
    {
        Assert.True(GraphSendResponse.TryReadWamid(Fixtures.Text("send_response_200.json"), out var wamid));

        Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", wamid);
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","messages":[]}""")]
    [InlineData("not json")]
    public void Send_response_without_a_wamid_gives_none(string body)
    {
        Assert.False(GraphSendResponse.TryReadWamid(body, out _));
    }
}
