using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

/// <summary>Webhook values are kept within the columns that store them, so a server database never refuses one later.</summary>
public sealed class WebhookPayloadParserLengthTests
{
    private static readonly string Long129 = new('i', 129);

    [Theory]
    [InlineData("id")]
    [InlineData("from")]
    public void A_message_id_or_sender_longer_than_its_column_is_refused(string field)
    {
        var message = """{"from":"15557000001","id":"wamid.A","timestamp":"1795400000","type":"text","text":{"body":"hi"}}"""
            .Replace($"\"{field}\":\"", $"\"{field}\":\"{Long129}", StringComparison.Ordinal);

        var result = WebhookPayloadParser.Parse(Webhooks.WithMessage(message));

        Assert.False(result.IsOk);
        Assert.Contains($"messages[0].{field} is longer than 128 characters", result.Error);
    }

    [Fact]
    public void A_status_id_or_our_number_longer_than_its_column_is_refused()
    {
        var status = WebhookPayloadParser.Parse(Webhooks.WithStatus($$"""{"id":"{{Long129}}","status":"sent","timestamp":"1795400000"}"""));
        var number = WebhookPayloadParser.Parse(Webhooks.WithMessage("").Replace(Webhooks.OurNumber, new string('1', 33), StringComparison.Ordinal));

        Assert.Contains("statuses[0].id is longer than 128 characters", status.Error);
        Assert.Contains("metadata.phone_number_id is longer than 32 characters", number.Error);
    }

    [Fact]
    public void Long_optional_values_are_cut_or_dropped_to_fit()
    {
        var json = Webhooks.Change($$$"""
            "contacts":[{"profile":{"name":"{{{new string('p', 99)}}}😀tail"},"wa_id":"15557000001"}],
            "messages":[
              {"from":"15557000001","id":"wamid.A","timestamp":"1795400000","type":"{{{new string('t', 40)}}}","context":{"id":"{{{Long129}}}"},
               "errors":[{"code":1,"title":"{{{new string('e', 600)}}}"}]},
              {"from":"15557000001","id":"wamid.B","timestamp":"1795400000","type":"image","image":{"id":"{{{Long129}}}","caption":"c"}},
              {"from":"15557000001","id":"wamid.C","timestamp":"1795400000","type":"image","image":{"id":"m1","mime_type":"{{{Long129}}}"}},
              {"from":"15557000001","id":"wamid.D","timestamp":"1795400000","type":"location","location":{"latitude":1,"longitude":2,"name":"{{{new string('n', 600)}}}","address":"{{{new string('a', 501)}}}"}}],
            "statuses":[{"id":"wamid.S","status":"failed","timestamp":"1795400000","errors":[{"code":131026,"title":"{{{new string('f', 501)}}}"}]}]
            """);

        var result = WebhookPayloadParser.Parse(json);

        Assert.True(result.IsOk, result.Error);
        var messages = result.Webhook.Messages;
        Assert.Equal(new string('p', 99), messages[0].ProfileName);
        Assert.Equal(new string('t', 32), messages[0].Type);
        Assert.Null(messages[0].ContextWamid);
        Assert.Equal(500, messages[0].Errors[0].Title!.Length);
        Assert.Null(messages[1].Media);
        Assert.Equal(("m1", null), (messages[2].Media!.Id, messages[2].Media!.MimeType));
        Assert.Equal((500, 500), (messages[3].Location!.Name!.Length, messages[3].Location!.Address!.Length));
        Assert.Equal(500, result.Webhook.Statuses[0].ErrorTitle!.Length);
    }
}
