using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

public class WebhookPayloadParserMessageTests
{
    private const string CentralNumber = "100000000000001";
    private const string ProxyNumber = "100000000000011";

    public static TheoryData<string> InboundFixtures => Fixtures.Named("inbound_");

    [Theory]
    [MemberData(nameof(InboundFixtures))]
    public void Every_inbound_fixture_parses_into_messages(string fixture)
    {
        var result = WebhookPayloadParser.Parse(Fixtures.Text(fixture));

        Assert.True(result.IsOk, result.Error);
        Assert.NotEmpty(result.Webhook.Messages);
        Assert.All(result.Webhook.Messages, m => Assert.StartsWith("wamid.", m.Wamid));
    }

    [Fact]
    public void Text_message_carries_sender_profile_our_number_and_utc_time()
    {
        var message = Single("inbound_text.json");

        Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDEVAgASGBQzQTAxQUJDMDAwMDAwMDAwMDAxAA==", message.Wamid);
        Assert.Equal("15557000001", message.From);
        Assert.Equal(CentralNumber, message.PhoneNumberId);
        Assert.Equal("Maria Lopez", message.ProfileName);
        Assert.Equal(new DateTime(2026, 11, 23, 2, 13, 20, DateTimeKind.Utc), message.Timestamp);
        Assert.Equal(DateTimeKind.Utc, message.Timestamp.Kind);
        Assert.Equal("text", message.Type);
        Assert.Equal("Hi, my kitchen pipe is leaking badly. I'm downtown, near 5th and Main.", message.Text);
        Assert.Equal(message.Text, message.DisplayText);
        Assert.Null(message.ReplyId);
        Assert.Null(message.ContextWamid);
        Assert.Null(message.Media);
    }

    [Fact]
    public void Escaped_unicode_text_and_name_are_decoded()
    {
        var message = Single("inbound_text_unicode.json");

        Assert.Equal("Cañería rota 💧 — the drain under the sink, uptown. Gracias!", message.Text);
        Assert.Equal("José Muñoz 🔧", message.ProfileName);
        Assert.Equal("15557000002", message.From);
    }

    [Fact]
    public void Provider_reply_on_proxy_number_keeps_the_proxy_number()
    {
        var message = Single("inbound_provider_reply_on_proxy.json");

        Assert.Equal(ProxyNumber, message.PhoneNumberId);
        Assert.Equal("15550100001", message.From);
        Assert.Equal("Tom (Plumber)", message.ProfileName);
        Assert.Equal("/accept", message.Text);
    }

    [Fact]
    public void Interactive_button_reply_gives_title_reply_id_and_context()
    {
        var message = Single("inbound_interactive_button_reply.json");

        Assert.Equal("interactive", message.Type);
        Assert.Equal("Accept", message.Text);
        Assert.Equal("offer:accept:42", message.ReplyId);
        Assert.Equal("wamid.HBgLMTU1NTAxMDAwMDEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA", message.ContextWamid);
        Assert.Equal(ProxyNumber, message.PhoneNumberId);
        Assert.Equal("Accept", message.DisplayText);
    }

    [Fact]
    public void Interactive_list_reply_gives_row_title_and_id()
    {
        var message = SingleOf(Webhooks.WithMessage("""
            {"from":"15557000001","id":"wamid.LIST","timestamp":"1795400000","type":"interactive",
             "interactive":{"type":"list_reply","list_reply":{"id":"slot:tomorrow-am","title":"Tomorrow morning","description":"8-12"}}}
            """));

        Assert.Equal("Tomorrow morning", message.Text);
        Assert.Equal("slot:tomorrow-am", message.ReplyId);
    }

    [Fact]
    public void Template_quick_reply_button_gives_text_and_payload()
    {
        var message = Single("inbound_template_quick_reply_button.json");

        Assert.Equal("button", message.Type);
        Assert.Equal("Decline", message.Text);
        Assert.Equal("offer:decline:43", message.ReplyId);
        Assert.Equal("wamid.HBgLMTU1NTAxMDAwMDIVAgARGBJGQjE5QjY0QkQ3QzM2NkY0RjUA", message.ContextWamid);
        Assert.Equal("100000000000012", message.PhoneNumberId);
        Assert.Equal("Ana", message.ProfileName);
    }

    [Fact]
    public void Image_gives_media_and_caption()
    {
        var message = Single("inbound_image.json");

        Assert.Equal("image", message.Type);
        Assert.Null(message.Text);
        Assert.Equal(
            new InboundMedia(
                "900000000000001",
                "image/jpeg",
                "Jx0bX4cxhk5Qn0d3mz0tTtGk4QJm0Oq6sYb8Qv2m7ds=",
                "This is the leak. Call me on 555 700 0001 if easier",
                null),
            message.Media);
        Assert.Equal("This is the leak. Call me on 555 700 0001 if easier", message.DisplayText);
    }

    [Theory]
    [InlineData("document")]
    [InlineData("audio")]
    [InlineData("video")]
    [InlineData("sticker")]
    public void Other_media_types_give_media(string type)
    {
        var message = SingleOf(Webhooks.WithMessage($$$"""
            {"from":"15557000001","id":"wamid.MEDIA","timestamp":"1795400000","type":"{{{type}}}",
             "{{{type}}}":{"id":"900000000000002","mime_type":"application/octet-stream","sha256":"abc="}}
            """));

        Assert.Equal(type, message.Type);
        Assert.Equal("900000000000002", message.Media?.Id);
        Assert.Equal("application/octet-stream", message.Media?.MimeType);
        Assert.Equal($"[{type} message]", message.DisplayText);
    }

    [Fact]
    public void Location_gives_coordinates_name_and_address()
    {
        var message = Single("inbound_location.json");

        Assert.Equal(new InboundLocation(40.7411, -73.9897, "Home", "12 Main St, Downtown"), message.Location);
        Assert.Equal("📍 Home (40.7411, -73.9897)", message.DisplayText);
    }

    [Fact]
    public void Contact_card_exposes_phones_and_emails_for_the_scanner()
    {
        var message = Single("inbound_contacts_card.json");

        var card = Assert.Single(message.SharedContacts);
        Assert.Equal("contacts", message.Type);
        Assert.Equal("Tom Plumbing", card.Name);
        Assert.Equal(["+1 555-010-0001"], card.Phones);
        Assert.Equal(["tom.plumbing@example.com"], card.Emails);
        Assert.Equal("Tom (Plumber)", message.ProfileName);
        Assert.Equal("Shared contact: Tom Plumbing", message.DisplayText);
    }

    [Fact]
    public void Reaction_gives_reacted_message_and_emoji()
    {
        var message = Single("inbound_reaction.json");

        Assert.Equal(
            new InboundReaction("wamid.HBgLMTU1NTcwMDAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "👍"), message.Reaction);
        Assert.Equal("Reacted 👍", message.DisplayText);
    }

    [Fact]
    public void Unsupported_message_keeps_its_error()
    {
        var message = Single("inbound_unsupported.json");

        var error = Assert.Single(message.Errors);
        Assert.Equal("unsupported", message.Type);
        Assert.Equal(new MessageError(131051, "Message type unknown", "Message type is currently not supported."), error);
        Assert.Equal("Unsupported message", message.DisplayText);
    }

    [Fact]
    public void Batch_with_two_entries_yields_every_message_and_status_in_order()
    {
        var webhook = Parse(Fixtures.Text("inbound_batch_two_entries.json"));

        Assert.Collection(
            webhook.Messages,
            first =>
            {
                Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDEVAgASGBQzQTAxQUJDMDAwMDAwMDAwMDExAA==", first.Wamid);
                Assert.Equal("Maria Lopez", first.ProfileName);
                Assert.Equal("Are you still coming?", first.Text);
            },
            second =>
            {
                Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDMVAgASGBQzQTAxQUJDMDAwMDAwMDAwMDEyAA==", second.Wamid);
                Assert.Equal("15557000003", second.From);
                Assert.Equal("Li Wei", second.ProfileName);
                Assert.Equal("My breaker keeps tripping, downtown", second.Text);
            });
        var status = Assert.Single(webhook.Statuses);
        Assert.Equal("wamid.HBgLMTU1NTcwMDAwMDEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", status.Wamid);
    }

    [Fact]
    public void Unknown_type_is_kept_with_its_text_like_content()
    {
        var message = SingleOf(Webhooks.WithMessage("""
            {"from":"15557000001","id":"wamid.ORDER","timestamp":"1795400000","type":"order",
             "order":{"catalog_id":"123","text":"Two filters please","product_items":[]}}
            """));

        Assert.Equal("order", message.Type);
        Assert.Equal("Two filters please", message.Text);
        Assert.Equal("Two filters please", message.DisplayText);
    }

    [Fact]
    public void Unknown_type_without_text_is_shown_by_its_type()
    {
        var message = SingleOf(Webhooks.WithMessage("""
            {"from":"15557000001","id":"wamid.WELCOME","timestamp":"1795400000","type":"request_welcome"}
            """));

        Assert.Equal("request_welcome", message.Type);
        Assert.Null(message.Text);
        Assert.Equal("[request_welcome message]", message.DisplayText);
    }

    [Fact]
    public void Sender_without_contact_entry_has_no_profile_name()
    {
        var message = SingleOf(Webhooks.Change("""
            "contacts":[{"profile":{"name":"Someone Else"},"wa_id":"15559999999"}],
            "messages":[{"from":"15557000001","id":"wamid.X","timestamp":"1795400000","type":"text","text":{"body":"hi"}}]
            """));

        Assert.Null(message.ProfileName);
    }

    [Fact]
    public void Changes_for_other_fields_are_ignored()
    {
        var webhook = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
              {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}},
              {"field":"messages","value":{"metadata":{"phone_number_id":"100000000000001"},
                "messages":[{"from":"15557000001","id":"wamid.KEPT","timestamp":"1795400000","type":"text","text":{"body":"hi"}}]}}
            ]}]}
            """);

        Assert.Equal("wamid.KEPT", Assert.Single(webhook.Messages).Wamid);
    }

    [Fact]
    public void Numeric_timestamp_is_accepted()
    {
        var message = SingleOf(Webhooks.WithMessage("""
            {"from":"15557000001","id":"wamid.N","timestamp":1795400000,"type":"text","text":{"body":"hi"}}
            """));

        Assert.Equal(new DateTime(2026, 11, 23, 2, 13, 20, DateTimeKind.Utc), message.Timestamp);
    }

    private static InboundMessage Single(string fixture) => SingleOf(Fixtures.Text(fixture));

    private static InboundMessage SingleOf(string json) => Assert.Single(Parse(json).Messages);

    private static ParsedWebhook Parse(string json)
    {
        var result = WebhookPayloadParser.Parse(json);
        Assert.True(result.IsOk, result.Error);
        return result.Webhook;
    }
}
