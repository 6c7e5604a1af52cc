using System.IO.Compression;
using BowInbox.Core.Widget;
using BowInbox.Web.Widget;

namespace BowInbox.Tests.Widget;

/// <summary>The widget's rules without a host: origins, message size, one-time codes, and the script's size.</summary>
public sealed class WidgetRulesTests
{
    private static readonly WidgetKey Key = new() { PublicKey = "wk_test", AllowedOrigins = "https://shop.example\nhttp://localhost:5050" };

    [Theory]
    [InlineData("https://shop.example", true)]
    [InlineData("https://SHOP.example", true)]
    [InlineData("http://localhost:5050", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://shop.example", false)]
    [InlineData("https://shop.example.evil.example", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_keys_allowed_origins_may_use_the_widget(string? origin, bool allowed)
        => Assert.Equal(allowed, Key.Allows(origin));

    [Fact]
    public void A_revoked_key_allows_no_origin()
        => Assert.False(new WidgetKey { AllowedOrigins = "https://shop.example", RevokedAt = DateTime.UnixEpoch }.Allows("https://shop.example"));

    [Fact]
    public void Origins_with_a_path_are_refused_with_the_wrong_one_named()
    {
        var (origins, error) = WidgetSettings.ParseOrigins("https://shop.example\nhttps://other.example/shop");
        Assert.Empty(origins);
        Assert.Contains("https://other.example/shop", error, StringComparison.Ordinal);
        Assert.Equal(["https://shop.example", "https://b.example:8443"], WidgetSettings.ParseOrigins("https://shop.example/ , https://b.example:8443").Origins);
    }

    [Fact]
    public void A_message_past_the_cap_is_refused_and_an_empty_one_too()
    {
        Assert.Null(WidgetSettings.CheckMessage(new string('a', WidgetSettings.MaxMessageLength)));
        Assert.NotNull(WidgetSettings.CheckMessage(new string('a', WidgetSettings.MaxMessageLength + 1)));
        Assert.NotNull(WidgetSettings.CheckMessage("   "));
    }

    [Fact]
    public void A_handover_code_is_found_in_the_prefilled_text_even_when_edited()
    {
        var code = HandoverCode.New();
        Assert.Equal(code, HandoverCode.Find("hello " + HandoverCode.PrefilledText(code).ToLowerInvariant() + " thanks"));
        Assert.Null(HandoverCode.Find("my code is WEB-1234"));
        Assert.NotEqual(HandoverCode.Hash(HandoverCode.New()), HandoverCode.Hash(code));
    }

    [Fact]
    public void The_widget_script_stays_under_30_KB_gzipped()
    {
        var script = WidgetScript.Render(new WidgetKey { PublicKey = "wk_size", Greeting = "Hi", Color = "#1565C0", Language = "de" }, "https://inbox.example", new WidgetOptions());
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(script));
        }

        TestContext.Current.SendDiagnosticMessage($"widget.js: {script.Length:N0} bytes, {compressed.Length:N0} bytes gzipped");
        TestContext.Current.TestOutputHelper?.WriteLine($"widget.js: {script.Length:N0} bytes, {compressed.Length:N0} bytes gzipped");
        Assert.DoesNotContain("/*CONFIG*/", script, StringComparison.Ordinal);
        Assert.Contains("\"lang\":\"de\"", script, StringComparison.Ordinal);
        Assert.True(compressed.Length < 30 * 1024, $"{compressed.Length:N0} bytes gzipped");
    }
}
