using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

public class WebhookPayloadParserErrorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_body_is_an_error(string? body)
    {
        Assert.Contains("empty", Error(body));
    }

    [Fact]
    public void Body_that_is_not_json_is_an_error()
    {
        Assert.Contains("not valid JSON", Error("hub.challenge=1158201444"));
    }

    [Fact]
    public void Truncated_json_is_an_error()
    {
        var text = Fixtures.Text("inbound_text.json");

        Assert.Contains("not valid JSON", Error(text[..(text.Length / 2)]));
    }

    [Fact]
    public void Body_that_is_not_an_object_is_an_error()
    {
        Assert.Contains("must be a JSON object, not an array", Error("[]"));
    }

    [Fact]
    public void Webhook_for_another_object_is_an_error()
    {
        var error = Error("""{"object":"page","entry":[]}""");

        Assert.Contains("\"page\"", error);
        Assert.Contains("whatsapp_business_account", error);
    }

    [Fact]
    public void Webhook_without_object_is_an_error()
    {
        Assert.Contains("no \"object\"", Error("""{"entry":[]}"""));
    }

    [Fact]
    public void Missing_entry_is_an_error()
    {
        Assert.Contains("no \"entry\" array", Error("""{"object":"whatsapp_business_account"}"""));
    }

    [Fact]
    public void Entry_without_changes_is_an_error()
    {
        Assert.Contains("entry[0] has no \"changes\" array", Error("""{"object":"whatsapp_business_account","entry":[{"id":"1"}]}"""));
    }

    [Fact]
    public void Empty_entry_list_is_an_empty_webhook_not_an_error()
    {
        var result = WebhookPayloadParser.Parse("""{"object":"whatsapp_business_account","entry":[]}""");

        Assert.True(result.IsOk, result.Error);
        Assert.Empty(result.Webhook.Messages);
        Assert.Empty(result.Webhook.Statuses);
    }

    [Fact]
    public void Messages_change_without_our_number_is_an_error()
    {
        var error = Error("""
            {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{},"messages":[]}}]}]}
            """);

        Assert.Contains("entry[0].changes[0].value.metadata has no \"phone_number_id\"", error);
    }

    [Theory]
    [InlineData("id", """{"from":"15557000001","timestamp":"1795400000","type":"text","text":{"body":"hi"}}""")]
    [InlineData("from", """{"id":"wamid.X","timestamp":"1795400000","type":"text","text":{"body":"hi"}}""")]
    [InlineData("type", """{"id":"wamid.X","from":"15557000001","timestamp":"1795400000","text":{"body":"hi"}}""")]
    [InlineData("timestamp", """{"id":"wamid.X","from":"15557000001","type":"text","text":{"body":"hi"}}""")]
    public void Message_missing_an_envelope_field_is_an_error_naming_it(string field, string message)
    {
        var error = Error(Webhooks.WithMessage(message));

        Assert.Contains($"entry[0].changes[0].value.messages[0] has no \"{field}\"", error);
    }

    [Fact]
    public void Message_with_empty_id_is_an_error()
    {
        var error = Error(Webhooks.WithMessage("""{"id":"","from":"15557000001","timestamp":"1795400000","type":"text"}"""));

        Assert.Contains("has no \"id\"", error);
    }

    [Fact]
    public void Message_timestamp_that_is_not_unix_seconds_is_an_error()
    {
        var error = Error(Webhooks.WithMessage("""
            {"id":"wamid.X","from":"15557000001","timestamp":"2026-11-23T02:13:20Z","type":"text"}
            """));

        Assert.Contains("messages[0].timestamp is \"2026-11-23T02:13:20Z\"; expected unix seconds", error);
    }

    [Theory]
    [InlineData("id", """{"status":"read","timestamp":"1795400000"}""")]
    [InlineData("status", """{"id":"wamid.X","timestamp":"1795400000"}""")]
    [InlineData("timestamp", """{"id":"wamid.X","status":"read"}""")]
    public void Status_missing_a_field_is_an_error_naming_it(string field, string status)
    {
        var error = Error(Webhooks.WithStatus(status));

        Assert.Contains($"entry[0].changes[0].value.statuses[0] has no \"{field}\"", error);
    }

    [Fact]
    public void Message_that_is_not_an_object_is_an_error()
    {
        Assert.Contains("messages[0] must be a JSON object, not a string", Error(Webhooks.WithMessage("\"hi\"")));
    }

    private static string Error(string? body)
    {
        var result = WebhookPayloadParser.Parse(body);
        Assert.False(result.IsOk);
        Assert.Null(result.Webhook);
        return result.Error;
    }
}
