using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public class WebhookSignatureTests
{
    private const string Secret = "test-app-secret";
    private const string TextSignature = "sha256=8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f58482";
    private const string UnicodeSignature = "sha256=ebd48c1cf49849daf38bbdf2d52f54b27b51e21833524e2be9fc08ce358b6db1";

    [Theory]
    [InlineData("inbound_text.json", TextSignature)]
    [InlineData("inbound_text_unicode.json", UnicodeSignature)]
    public void Documented_signature_of_fixture_verifies(string fixture, string signature)
    {
        Assert.True(WebhookSignature.IsValid(Fixtures.Bytes(fixture), signature, Secret));
    }

    [Theory]
    [InlineData("inbound_text.json", TextSignature)]
    [InlineData("inbound_text_unicode.json", UnicodeSignature)]
    public void Compute_reproduces_documented_signature(string fixture, string signature)
    {
        Assert.Equal(signature, WebhookSignature.Compute(Fixtures.Bytes(fixture), Secret));
    }

    [Fact]
    public void Flipped_byte_fails_signature()
    {
        var body = Fixtures.Bytes("inbound_text.json");
        body[body.Length / 2] ^= 0x01;

        Assert.False(WebhookSignature.IsValid(body, TextSignature, Secret));
    }

    [Fact]
    public void Wrong_secret_fails_signature()
    {
        Assert.False(WebhookSignature.IsValid(Fixtures.Bytes("inbound_text.json"), TextSignature, "other-secret"));
    }

    [Fact]
    public void Signature_of_another_body_fails()
    {
        Assert.False(WebhookSignature.IsValid(Fixtures.Bytes("inbound_text.json"), UnicodeSignature, Secret));
    }

    [Fact]
    public void Reserialised_json_no_longer_matches_the_signature_of_the_raw_bytes()
    {
        var raw = Fixtures.Bytes("inbound_text_unicode.json");
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var reserialised = Encoding.UTF8.GetBytes(JsonNode.Parse(raw)!.ToJsonString(relaxed));

        Assert.NotEqual(raw, reserialised);
        Assert.False(WebhookSignature.IsValid(reserialised, UnicodeSignature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f58482")]
    [InlineData("sha1=8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f58482")]
    [InlineData("sha256=8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f5848")]
    [InlineData("sha256=8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f5848200")]
    [InlineData("sha256=zz54a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f58482")]
    [InlineData("sha256= 8254a769dd41c678a7d93864f670f46ad47a6b785d208245fbcaa70287f58482")]
    [InlineData("garbage")]
    public void Missing_or_malformed_header_fails_signature(string? header)
    {
        Assert.False(WebhookSignature.IsValid(Fixtures.Bytes("inbound_text.json"), header, Secret));
    }

    [Fact]
    public void Uppercase_hex_is_accepted()
    {
        var header = "sha256=" + TextSignature["sha256=".Length..].ToUpperInvariant();

        Assert.True(WebhookSignature.IsValid(Fixtures.Bytes("inbound_text.json"), header, Secret));
    }

    [Fact]
    public void Computed_signature_is_prefixed_lowercase_hex_and_verifies()
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");

        var header = WebhookSignature.Compute(body, Secret);

        Assert.Matches("^sha256=[0-9a-f]{64}$", header);
        Assert.True(WebhookSignature.IsValid(body, header, Secret));
    }

    [Fact]
    public void Empty_app_secret_is_a_configuration_error_not_a_valid_key()
    {
        var body = Fixtures.Bytes("inbound_text.json");

        Assert.Throws<ArgumentException>(() => WebhookSignature.IsValid(body, TextSignature, ""));
        Assert.Throws<ArgumentException>(() => WebhookSignature.Compute(body, ""));
    }
}
