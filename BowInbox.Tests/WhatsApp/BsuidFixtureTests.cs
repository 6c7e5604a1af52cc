using System.Text.Json.Nodes;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

/// <summary>Every business-scoped user id (BSUID) fixture: the phone may be absent, the BSUID is enough.</summary>
public class BsuidFixtureTests
{
    [Fact]
    public void Bsuid_only_message_is_addressed_by_its_bsuid_with_no_phone()
    {
        var message = Single("inbound_text_bsuid_only.json");

        Assert.Equal("MX.8817204519930047712", message.From);
        Assert.Equal("MX.8817204519930047712", message.FromUserId);
        Assert.Null(message.FromPhone);
        Assert.Null(message.FromParentUserId);
        Assert.Equal("Lucía", message.ProfileName);
        Assert.Equal("lucia.m", message.Username);
        Assert.Equal("Hola, se me rompió la llave del lavabo, estoy en el centro", message.Text);
        Assert.Null(message.IdentityChange);
    }

    [Fact]
    public void Message_with_phone_and_bsuid_is_addressed_by_the_phone_and_keeps_the_bsuid()
    {
        var message = Single("inbound_text_phone_and_bsuid.json");

        Assert.Equal("15557000001", message.From);
        Assert.Equal("15557000001", message.FromPhone);
        Assert.Equal("US.13491208655302741918", message.FromUserId);
        Assert.Equal("Maria Lopez", message.ProfileName);
        Assert.Equal("maria.l", message.Username);
    }

    [Fact]
    public void Parent_bsuid_is_read_from_the_message()
    {
        var message = Single("inbound_text_parent_bsuid.json");

        Assert.Equal("GH.4410293387716650021", message.From);
        Assert.Equal("GH.ENT.99120034857716602210", message.FromParentUserId);
        Assert.Equal("Kofi", message.ProfileName);
        Assert.Null(message.Username);
    }

    [Fact]
    public void Changed_number_system_message_carries_the_new_phone_and_no_text()
    {
        var message = Single("inbound_system_user_changed_number.json");

        Assert.Equal("system", message.Type);
        Assert.Equal("15557000001", message.From);
        Assert.Equal(new InboundIdentityChange(IdentityChangeKind.ChangedNumber, "15557000099", null, null), message.IdentityChange);
        Assert.Null(message.Text);
        Assert.DoesNotContain("1555700", message.DisplayText, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_user_id_system_message_carries_the_new_and_previous_bsuid()
    {
        var message = Single("inbound_system_user_changed_user_id.json");

        Assert.Equal("MX.5502917736410098823", message.From);
        Assert.Equal(
            new InboundIdentityChange(IdentityChangeKind.ChangedUserId, null, "MX.5502917736410098823", "MX.8817204519930047712"),
            message.IdentityChange);
        Assert.Null(message.Text);
        Assert.DoesNotContain("MX.", message.DisplayText, StringComparison.Ordinal);
    }

    [Fact]
    public void System_message_nested_the_older_way_is_read_too()
    {
        var json = Fixtures.Text("inbound_system_user_changed_user_id.json")
            .Replace("\"previous_user_id\": \"MX.8817204519930047712\"", "\"note\": \"moved\"", StringComparison.Ordinal)
            .Replace("\"from_user_id\"", "\"previous_user_id\": \"MX.8817204519930047712\", \"from_user_id\"", StringComparison.Ordinal);

        var change = Single(json, isFixture: false).IdentityChange;

        Assert.Equal("MX.8817204519930047712", change?.PreviousUserId);
    }

    [Fact]
    public void Message_with_neither_phone_nor_bsuid_is_refused()
    {
        var json = Fixtures.Text("inbound_text_bsuid_only.json").Replace("\"from_user_id\"", "\"other\"", StringComparison.Ordinal);

        var result = WebhookPayloadParser.Parse(json);

        Assert.False(result.IsOk);
        Assert.Contains("from_user_id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_without_recipient_id_carries_the_recipient_bsuid()
    {
        var result = WebhookPayloadParser.Parse(Fixtures.Text("status_delivered_bsuid.json"));
        Assert.True(result.IsOk, result.Error);
        var status = Assert.Single(result.Webhook.Statuses);

        Assert.Equal(DeliveryStatus.Delivered, status.Status);
        Assert.Null(status.RecipientId);
        Assert.Equal("MX.8817204519930047712", status.RecipientUserId);
        Assert.Null(status.ParentRecipientUserId);
    }

    [Fact]
    public void Text_to_a_bsuid_puts_it_in_recipient_never_in_to()
    {
        var payload = OutboundPayloads.Text("Hola Lucía, Ana, tu plomera, atiende la solicitud #7.");

        var sent = OutboundPayloads.WithRecipient(payload, "MX.8817204519930047712");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fixtures.Text("send_text_to_bsuid_request.json")), JsonNode.Parse(sent)), sent);
        Assert.False(JsonNode.Parse(sent)!.AsObject().ContainsKey("to"));
    }

    [Fact]
    public void Text_to_a_phone_still_goes_in_to()
    {
        var sent = JsonNode.Parse(OutboundPayloads.WithRecipient(OutboundPayloads.Text("hi"), "15557000001"))!.AsObject();

        Assert.Equal("15557000001", (string?)sent["to"]);
        Assert.False(sent.ContainsKey("recipient"));
    }

    [Fact]
    public void Send_response_to_a_bsuid_gives_the_wamid()
    {
        Assert.True(GraphSendResponse.TryReadWamid(Fixtures.Text("send_response_200_bsuid.json"), out var wamid));

        Assert.Equal("wamid.HBgUTVguODgxNzIwNDUxOTkzMDA0NzcxMhUCABEYEjlBM0NBNUIzRDRDRDZFNjdFNwA=", wamid);
    }

    [Fact]
    public void Bsuid_not_supported_fails_for_good_with_its_reason()
    {
        var failure = SendFailure.FromResponse(400, Fixtures.Text("send_error_400_131062.json"));

        Assert.Equal(SendErrorKind.Undeliverable, failure.Kind);
        Assert.False(failure.IsRetryable);
        Assert.Equal(WhatsAppErrorCodes.UserIdNotSupported, failure.Code);
        Assert.Contains("Business-scoped user ID not supported", failure.Title, StringComparison.Ordinal);
        Assert.Contains("send to the phone number", failure.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MX.8817204519930047712", true)]
    [InlineData("us.ENT.991200", true)]
    [InlineData("15557000001", false)]
    [InlineData("+1 555-700-0001", false)]
    [InlineData("", false)]
    public void Bsuid_is_told_apart_from_a_phone(string address, bool isBsuid)
        => Assert.Equal(isBsuid, BusinessScopedUserId.IsOne(address));

    private static InboundMessage Single(string fixtureOrJson, bool isFixture = true)
    {
        var result = WebhookPayloadParser.Parse(isFixture ? Fixtures.Text(fixtureOrJson) : fixtureOrJson);
        Assert.True(result.IsOk, result.Error);
        return Assert.Single(result.Webhook.Messages);
    }
}
