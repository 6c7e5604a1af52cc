using System.Text.Json.Nodes;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public class OutboundPayloadsTests
{
    [Fact]
    public void Text_payload_with_recipient_matches_the_fixture()
    {
        var payload = OutboundPayloads.Text("Tom (plumber) has accepted your request and will message you here.");

        AssertSameJson(Fixtures.Text("send_text_request.json"), OutboundPayloads.WithRecipient(payload, "15557000001"));
    }

    [Fact]
    public void Stored_payload_has_no_recipient()
    {
        var payload = JsonNode.Parse(OutboundPayloads.Text("hello"))!.AsObject();

        Assert.False(payload.ContainsKey("to"));
        Assert.Equal("whatsapp", (string?)payload["messaging_product"]);
    }

    [Fact]
    public void Reply_buttons_payload_with_recipient_matches_the_fixture()
    {
        var payload = OutboundPayloads.ReplyButtons(
            "New lead #42 (plumbing, Downtown, urgent): kitchen pipe leaking. Offer expires in 5 min.",
            [new ReplyButton("offer:accept:42", "Accept"), new ReplyButton("offer:decline:42", "Decline")]);

        AssertSameJson(
            Fixtures.Text("send_interactive_buttons_request.json"), OutboundPayloads.WithRecipient(payload, "15550100001"));
    }

    [Fact]
    public void Template_payload_with_recipient_matches_the_fixture()
    {
        var payload = OutboundPayloads.Template("new_lead_offer", "en_US", ["42", "plumbing, Downtown, urgent"]);

        AssertSameJson(Fixtures.Text("send_template_request.json"), OutboundPayloads.WithRecipient(payload, "15550100001"));
    }

    [Fact]
    public void Mark_as_read_matches_the_fixture_and_gets_no_recipient()
    {
        var payload = OutboundPayloads.MarkAsRead("wamid.HBgLMTU1NTcwMDAwMDEVAgASGBQzQTAxQUJDMDAwMDAwMDAwMDAxAA==");

        AssertSameJson(Fixtures.Text("send_mark_read_request.json"), payload);
        Assert.Equal(payload, OutboundPayloads.WithRecipient(payload, "15557000001"));
    }

    [Fact]
    public void Template_quick_reply_payloads_become_indexed_button_components()
    {
        var payload = OutboundPayloads.Template(
            "new_lead_offer", "en_US", ["42"], ["offer:accept:42", "offer:decline:42"]);

        var components = JsonNode.Parse(payload)!["template"]!["components"]!.AsArray();
        Assert.Equal(3, components.Count);
        AssertSameJson(
            """
            {"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"offer:decline:42"}]}
            """,
            components[2]!.ToJsonString());
        Assert.Equal("0", (string?)components[1]!["index"]);
    }

    [Fact]
    public void Template_without_parameters_has_no_components()
    {
        var template = JsonNode.Parse(OutboundPayloads.Template("hello_world", "en_US"))!["template"]!.AsObject();

        Assert.False(template.ContainsKey("components"));
        Assert.Equal("hello_world", (string?)template["name"]);
    }

    [Fact]
    public void Template_parameter_whitespace_is_flattened_because_whatsapp_rejects_newlines()
    {
        var payload = OutboundPayloads.Template("new_lead_offer", "en_US", ["kitchen\npipe\t\tleaking      badly "]);

        var text = (string?)JsonNode.Parse(payload)!["template"]!["components"]![0]!["parameters"]![0]!["text"];
        Assert.Equal("kitchen pipe leaking badly", text);
    }

    [Fact]
    public void List_payload_has_button_sections_and_rows()
    {
        var payload = OutboundPayloads.List(
            "When can the technician come?",
            "Choose a slot",
            [new ListSection("Tomorrow", [new ListRow("slot:am", "Morning", "8-12"), new ListRow("slot:pm", "Afternoon")])]);

        AssertSameJson(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive","interactive":{
              "type":"list","body":{"text":"When can the technician come?"},
              "action":{"button":"Choose a slot","sections":[{"title":"Tomorrow","rows":[
                {"id":"slot:am","title":"Morning","description":"8-12"},{"id":"slot:pm","title":"Afternoon"}]}]}}}
            """,
            payload);
    }

    [Fact]
    public void Location_request_has_the_send_location_action_and_refuses_an_overlong_body()
    {
        AssertSameJson(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive","interactive":{
              "type":"location_request_message","body":{"text":"Or send your location"},"action":{"name":"send_location"}}}
            """,
            OutboundPayloads.LocationRequest("Or send your location"));
        Assert.Throws<ArgumentException>(() => OutboundPayloads.LocationRequest(new string('x', 1025)));
    }

    [Fact]
    public void List_with_several_sections_needs_section_titles()
    {
        ListSection[] sections = [new(null, [new ListRow("a", "A")]), new("Later", [new ListRow("b", "B")])];

        Assert.Throws<ArgumentException>(() => OutboundPayloads.List("Pick one", "Options", sections));
    }

    [Fact]
    public void List_with_more_than_ten_rows_is_rejected()
    {
        var rows = Enumerable.Range(1, 11).Select(i => new ListRow($"row:{i}", $"Row {i}")).ToList();

        var error = Assert.Throws<ArgumentException>(() => OutboundPayloads.List("Pick one", "Options", [new ListSection(null, rows)]));
        Assert.Contains("1 to 10 list rows, not 11", error.Message);
    }

    [Fact]
    public void Button_title_longer_than_twenty_characters_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => OutboundPayloads.ReplyButtons("Offer", [new ReplyButton("offer:accept:42", "Accept this offer now")]));

        Assert.Contains("at most 20 characters", error.Message);
    }

    [Fact]
    public void Button_title_of_exactly_twenty_characters_is_accepted()
    {
        var payload = OutboundPayloads.ReplyButtons("Offer", [new ReplyButton("a", new string('x', 20))]);

        Assert.Contains(new string('x', 20), payload);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Reply_buttons_need_one_to_three_buttons(int count)
    {
        var buttons = Enumerable.Range(1, count).Select(i => new ReplyButton($"id:{i}", $"Option {i}")).ToList();

        Assert.Throws<ArgumentException>(() => OutboundPayloads.ReplyButtons("Choose", buttons));
    }

    [Fact]
    public void Reply_buttons_with_duplicate_ids_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => OutboundPayloads.ReplyButtons("Choose", [new ReplyButton("same", "Yes"), new ReplyButton("same", "No")]));

        Assert.Contains("\"same\" appears twice", error.Message);
    }

    [Fact]
    public void Text_up_to_the_limit_is_accepted_and_longer_is_rejected()
    {
        var atLimit = new string('a', WhatsAppLimits.MaxTextLength);

        Assert.Contains(atLimit, OutboundPayloads.Text(atLimit));
        Assert.Throws<ArgumentException>(() => OutboundPayloads.Text(atLimit + "a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_text_is_rejected(string body)
    {
        Assert.Throws<ArgumentException>(() => OutboundPayloads.Text(body));
    }

    [Fact]
    public void Unicode_text_round_trips()
    {
        const string body = "Cañería rota 💧 — llegamos a las 5";

        var payload = OutboundPayloads.WithRecipient(OutboundPayloads.Text(body), "15557000002");

        Assert.Equal(body, (string?)JsonNode.Parse(payload)!["text"]!["body"]);
    }

    [Fact]
    public void Recipient_is_added_once_and_a_second_time_is_a_bug()
    {
        var withRecipient = OutboundPayloads.WithRecipient(OutboundPayloads.Text("hi"), "15557000001");

        Assert.Equal("15557000001", (string?)JsonNode.Parse(withRecipient)!["to"]);
        Assert.Throws<ArgumentException>(() => OutboundPayloads.WithRecipient(withRecipient, "15557000002"));
    }

    private static void AssertSameJson(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"Expected {expectedNode?.ToJsonString()}\nbut got  {actualNode?.ToJsonString()}");
    }
}
