using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

/// <summary>Escapes and numbers that are valid JSON but not valid text or coordinates.</summary>
public sealed class WebhookPayloadParserHostileTests
{
    private const string Lone = "\\ud800";

    [Theory]
    [InlineData("\\ud800", "\ufffd")]
    [InlineData("\\udc00", "\ufffd")]
    [InlineData("\\ude00\\ud83d", "\ufffd\ufffd")]
    [InlineData("a\\ud83dz", "a\ufffdz")]
    [InlineData("\\ud83d\\ude00", "\U0001F600")]
    [InlineData("\\uD83D\\uDE00 ok", "\U0001F600 ok")]
    [InlineData("nul\\u0000", "nul\ufffd")]
    [InlineData("\\\\ud800 is typed", "\\ud800 is typed")]
    public void Invalid_utf16_escapes_in_text_are_replaced_and_the_rest_kept(string escaped, string expected)
    {
        var message = SingleMessage(Message(text: $"before {escaped} after"));

        Assert.Equal($"before {expected} after", message.Text);
    }

    [Fact]
    public void Lone_surrogates_in_every_string_field_are_read_not_thrown()
    {
        var json = Webhooks.Change($$$"""
            "contacts":[{"profile":{"name":"Maria {{{Lone}}}"},"wa_id":"15557000001{{{Lone}}}"}],
            "messages":[
              {"from":"15557000001{{{Lone}}}","id":"wamid.A{{{Lone}}}","timestamp":"1795400000","type":"text","text":{"body":"hi"},
               "context":{"id":"wamid.C{{{Lone}}}"},"errors":[{"code":1,"title":"t{{{Lone}}}"}]},
              {"from":"15557000001","id":"wamid.B","timestamp":"1795400000","type":"image","image":{"id":"m{{{Lone}}}","caption":"c{{{Lone}}}","mime_type":"image/jpeg"}},
              {"from":"15557000001","id":"wamid.D","timestamp":"1795400000","type":"location","location":{"latitude":"1.5","longitude":2,"name":"n{{{Lone}}}"}},
              {"from":"15557000001","id":"wamid.E","timestamp":"1795400000","type":"contacts","contacts":[{"name":{"formatted_name":"f{{{Lone}}}"},"phones":[{"phone":"+1{{{Lone}}}"}]}]},
              {"from":"15557000001","id":"wamid.F","timestamp":"1795400000","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"i{{{Lone}}}","title":"t{{{Lone}}}" } } },
              {"from":"15557000001","id":"wamid.G","timestamp":"1795400000","type":"x{{{Lone}}}","x{{{Lone}}}":{"body":"b{{{Lone}}}"}}],
            "statuses":[{"id":"wamid.S{{{Lone}}}","status":"failed","timestamp":"1795400000","recipient_id":"1{{{Lone}}}","errors":[{"code":131026,"title":"e{{{Lone}}}"}]}],
            "{{{Lone}}}":"an escaped property name"
            """);

        var result = WebhookPayloadParser.Parse(json);

        Assert.True(result.IsOk, result.Error);
        var messages = result.Webhook.Messages;
        Assert.Equal("15557000001\ufffd", messages[0].From);
        Assert.Equal("Maria \ufffd", messages[0].ProfileName);
        Assert.Equal("wamid.C\ufffd", messages[0].ContextWamid);
        Assert.Equal("t\ufffd", messages[0].Errors[0].Title);
        Assert.Equal("c\ufffd", messages[1].Media!.Caption);
        Assert.Equal("n\ufffd", messages[2].Location!.Name);
        Assert.Equal("+1\ufffd", messages[3].SharedContacts[0].Phones[0]);
        Assert.Equal(("t\ufffd", "i\ufffd"), (messages[4].Text, messages[4].ReplyId));
        Assert.Equal(("x\ufffd", "b\ufffd"), (messages[5].Type, messages[5].Text));
        Assert.Equal(("wamid.S\ufffd", "e\ufffd"), (result.Webhook.Statuses[0].Wamid, result.Webhook.Statuses[0].ErrorTitle));
    }

    [Fact]
    public void Raw_lone_surrogates_in_a_string_are_replaced_too()
    {
        var message = SingleMessage(Message(text: "raw \ud800 and \udc00 end"));

        Assert.Equal("raw \ufffd and \ufffd end", message.Text);
    }

    [Theory]
    [InlineData("\"NaN\"", "0")]
    [InlineData("\"Infinity\"", "0")]
    [InlineData("\"-Infinity\"", "0")]
    [InlineData("1e999", "0")]
    [InlineData("90.5", "0")]
    [InlineData("0", "180.01")]
    [InlineData("0", "\"NaN\"")]
    [InlineData("0", "-1e400")]
    public void A_location_with_unusable_coordinates_is_kept_as_a_message_without_coordinates(string latitude, string longitude)
    {
        var json = Webhooks.WithMessage($$$"""
            {"from":"15557000001","id":"wamid.L","timestamp":"1795400000","type":"location","location":{"latitude":{{{latitude}}},"longitude":{{{longitude}}},"name":"Home"}},
            {"from":"15557000001","id":"wamid.N","timestamp":"1795400000","type":"text","text":{"body":"next"}}
            """);

        var result = WebhookPayloadParser.Parse(json);

        Assert.True(result.IsOk, result.Error);
        var location = result.Webhook.Messages[0];
        Assert.Null(location.Location);
        Assert.Equal("📍 A location that could not be read", location.DisplayText);
        Assert.Equal("next", result.Webhook.Messages[1].Text);
    }

    [Theory]
    [InlineData("-90", "-180")]
    [InlineData("90", "180")]
    [InlineData("\"40.7411\"", "\"-73.9897\"")]
    public void Coordinates_on_the_globe_are_kept(string latitude, string longitude)
    {
        var json = Webhooks.WithMessage($$$"""
            {"from":"15557000001","id":"wamid.L","timestamp":"1795400000","type":"location","location":{"latitude":{{{latitude}}},"longitude":{{{longitude}}} } }
            """);

        Assert.NotNull(SingleMessage(json).Location);
    }

    private static string Message(string text)
        => Webhooks.WithMessage($$$"""
            {"from":"15557000001","id":"wamid.T","timestamp":"1795400000","type":"text","text":{"body":"{{{text}}}"}}
            """);

    private static InboundMessage SingleMessage(string json)
    {
        var result = WebhookPayloadParser.Parse(json);
        Assert.True(result.IsOk, result.Error);
        return Assert.Single(result.Webhook.Messages);
    }
}
