using BowInbox.Core.Sms;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.Sms;

public sealed class SmsRulesTests
{
    // Twilio's own worked example of X-Twilio-Signature.
    private const string DocsUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly Dictionary<string, string> DocsParameters = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+12349013030",
        ["Digits"] = "1234",
        ["From"] = "+12349013030",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void Signature_matches_the_providers_worked_example()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SmsSignature.Compute(DocsUrl, DocsParameters, "12345"));
        Assert.True(SmsSignature.IsValid(DocsUrl, DocsParameters, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Fact]
    public void Signature_fails_for_a_changed_parameter_url_or_token()
    {
        var changed = new Dictionary<string, string>(DocsParameters) { ["Digits"] = "1235" };
        Assert.False(SmsSignature.IsValid(DocsUrl, changed, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(SmsSignature.IsValid("https://mycompany.com/other", DocsParameters, "12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(SmsSignature.IsValid(DocsUrl, DocsParameters, "54321", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(SmsSignature.IsValid(DocsUrl, DocsParameters, "", SmsSignature.Compute(DocsUrl, DocsParameters, "")));
        Assert.False(SmsSignature.IsValid(DocsUrl, DocsParameters, "12345", null));
    }

    [Theory]
    [InlineData("STOP", SmsKeyword.Stop)]
    [InlineData(" stop. ", SmsKeyword.Stop)]
    [InlineData("Unsubscribe", SmsKeyword.Stop)]
    [InlineData("cancel", SmsKeyword.Stop)]
    [InlineData("END", SmsKeyword.Stop)]
    [InlineData("quit!", SmsKeyword.Stop)]
    [InlineData("START", SmsKeyword.Start)]
    [InlineData("unstop", SmsKeyword.Start)]
    [InlineData("help", SmsKeyword.Help)]
    [InlineData("Please stop the leak under my sink", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    public void Keywords_are_whole_messages(string body, SmsKeyword expected)
        => Assert.Equal(expected, SmsKeywords.Read(body));

    [Fact]
    public void Segments_follow_gsm7_and_ucs2_sizes()
    {
        Assert.Equal(1, SmsSegments.SegmentCount(new string('a', 160)));
        Assert.Equal(2, SmsSegments.SegmentCount(new string('a', 161)));
        Assert.Equal(2, SmsSegments.SegmentCount(new string('a', 306)));
        Assert.Equal(3, SmsSegments.SegmentCount(new string('a', 307)));
        Assert.Equal(2, SmsSegments.SegmentCount(new string('a', 159) + "€"));
        Assert.True(SmsSegments.IsGsm7("Olé? £5 ¿qué? [ok]"));
        Assert.False(SmsSegments.IsGsm7("Hi 👋"));
        Assert.Equal(1, SmsSegments.SegmentCount(new string('ж', 70)));
        Assert.Equal(2, SmsSegments.SegmentCount(new string('ж', 71)));
        Assert.Equal(3, SmsSegments.SegmentCount(new string('ж', 135)));
    }

    [Fact]
    public void Texts_beyond_the_providers_limit_are_split_at_word_breaks_and_keep_every_word()
    {
        var words = Enumerable.Range(0, 700).Select(i => $"w{i}").ToList();
        var text = string.Join(' ', words);

        var parts = SmsSegments.SplitForSending(text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, SmsSegments.MaxMessageLength));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')).ToList());
        Assert.Equal(["short"], SmsSegments.SplitForSending("short"));
    }

    [Fact]
    public void A_split_never_cuts_an_emoji_in_half()
    {
        var text = new string('a', SmsSegments.MaxMessageLength - 1) + "😀" + "tail";

        var parts = SmsSegments.SplitForSending(text);

        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void An_inbound_sms_becomes_an_event_the_one_inbound_path_reads()
    {
        var form = new Dictionary<string, string>
        {
            ["From"] = "+15551230001",
            ["To"] = "+15550009999",
            ["Body"] = "Leaking pipe",
            ["MessageSid"] = "SM0123456789abcdef0123456789abcdef",
            ["NumMedia"] = "0",
        };

        var (payload, error) = SmsWebhookTranslation.Message(form, new DateTime(2026, 12, 8, 3, 0, 0, DateTimeKind.Utc));

        Assert.Null(error);
        var parsed = WebhookPayloadParser.Parse(payload!);
        Assert.True(parsed.IsOk, parsed.Error);
        var message = Assert.Single(parsed.Webhook!.Messages);
        Assert.Equal("15551230001", message.From);
        Assert.Equal("15550009999", message.PhoneNumberId);
        Assert.Equal("SM0123456789abcdef0123456789abcdef", message.Wamid);
        Assert.Equal("Leaking pipe", message.Text);
    }

    [Theory]
    [InlineData("not-a-number", "+15550009999", "SM1", "From")]
    [InlineData("+15551230001", "", "SM1", "To")]
    [InlineData("+15551230001", "+15550009999", "", "MessageSid")]
    public void A_malformed_sms_is_refused_by_field_without_echoing_values(string from, string to, string sid, string field)
    {
        var (payload, error) = SmsWebhookTranslation.Message(new Dictionary<string, string> { ["From"] = from, ["To"] = to, ["MessageSid"] = sid, ["Body"] = "x" }, DateTime.UtcNow);

        Assert.Null(payload);
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.DoesNotContain("555", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_callback_moves_the_tick_of_the_message_with_that_sid()
    {
        var (payload, _) = SmsWebhookTranslation.Status(new Dictionary<string, string> { ["MessageSid"] = "SMabc", ["MessageStatus"] = "undelivered", ["From"] = "+15550009999", ["ErrorCode"] = "30005" }, DateTime.UtcNow);

        var status = Assert.Single(WebhookPayloadParser.Parse(payload!).Webhook!.Statuses);
        Assert.Equal("SMabc", status.Wamid);
        Assert.Equal(BowInbox.Core.Messaging.DeliveryStatus.Failed, status.Status);
        Assert.Equal(30005, status.ErrorCode);
        Assert.Equal((null, null), SmsWebhookTranslation.Status(new Dictionary<string, string> { ["MessageSid"] = "SMabc", ["MessageStatus"] = "queued", ["From"] = "+15550009999" }, DateTime.UtcNow));
    }

    [Fact]
    public void Outbound_payloads_read_as_plain_text()
    {
        Assert.Equal("Hello", SmsOutboundText.Of(OutboundPayloads.Text("Hello"), null));
        Assert.Equal("Pick one\n1. Yes\n2. No", SmsOutboundText.Of(OutboundPayloads.ReplyButtons("Pick one", [new ReplyButton("y", "Yes"), new ReplyButton("n", "No")]), null));
        Assert.Equal("Shown words", SmsOutboundText.Of(OutboundPayloads.Template("job_assigned", "en", ["Ana", "42"]), "Shown words"));
        Assert.Equal("Ana · 42", SmsOutboundText.Of(OutboundPayloads.Template("job_assigned", "en", ["Ana", "42"]), null));
        Assert.Null(SmsOutboundText.Of(OutboundPayloads.MarkAsRead("wamid.1"), null));
    }
}
