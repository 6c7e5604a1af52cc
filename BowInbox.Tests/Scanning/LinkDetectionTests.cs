using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class LinkDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("https://calendly.com/mike-fixes/30min", "https://calendly.com/mike-fixes/30min")]
    [InlineData("see http://mike-fix.net for prices", "http://mike-fix.net")]
    [InlineData("Here's my site: www.mikesplumbing.com.", "www.mikesplumbing.com")]
    [InlineData("Book me at mikesplumbing.com next time", "mikesplumbing.com")]
    [InlineData("mi página: electricistagarcia.com.mx", "electricistagarcia.com.mx")]
    [InlineData("check my reviews on yelp.com/biz/mikes-plumbing", "yelp.com/biz/mikes-plumbing")]
    public void Urls_and_bare_domains_are_found(string message, string expected) => AssertLink(message, expected);

    [Theory]
    [InlineData("message me here wa.me/15550100188", "wa.me/15550100188")]
    [InlineData("t.me/mikefixes", "t.me/mikefixes")]
    [InlineData("bit.ly/3xYz9Qa has my price list", "bit.ly/3xYz9Qa")]
    [InlineData("linktr.ee/tutor_ana", "linktr.ee/tutor_ana")]
    [InlineData("join my group chat.whatsapp.com/AbCdEf123", "chat.whatsapp.com/AbCdEf123")]
    public void Chat_and_short_links_are_found(string message, string expected) => AssertLink(message, expected);

    [Theory]
    [InlineData("my website is mikefixes dot com", "mikefixes dot com")]
    [InlineData("mi web es reformaslopez punto com", "reformaslopez punto com")]
    [InlineData("wa (dot) me / 15550100111", "wa (dot) me / 15550100111")]
    [InlineData("check out riveraplumbing[.]com for photos", "riveraplumbing[.]com")]
    [InlineData("my site: riveraplumbing . com", "riveraplumbing . com")]
    public void Domains_with_the_dot_spelled_out_are_found(string message, string expected) => AssertLink(message, expected);

    [Fact]
    public void Link_is_redacted_with_its_placeholder()
    {
        var result = scanner.Scan("Mira mis trabajos en www.reformaslopez.es y me dices", ContentPolicy.Default);

        Assert.Equal("Mira mis trabajos en [link removed] y me dices", result.DeliveredText);
    }

    private void AssertLink(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Link, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }
}
