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

    // Country endings: after a name with a hyphen or a digit, after any name for endings that are no word, and after a
    // word-like ending only where the sentence goes to a site.
    [Theory]
    [InlineData("fotos de mis trabajos en reformas-quispe.pe y me llamas", "reformas-quispe.pe")]
    [InlineData("my portfolio is at tiling4u.za.net, have a look", "tiling4u.za.net")]
    [InlineData("ver trabalhos em obras-lopes.ao, lá tem o contacto", "obras-lopes.ao")]
    [InlineData("mes chantiers sont sur peinture-diallo.sn", "peinture-diallo.sn")]
    [InlineData("poora portfolio guptapainters.in pe hai", "guptapainters.in")]
    [InlineData("visit kovacsfliesen.at for pictures", "kovacsfliesen.at")]
    public void Domains_of_more_countries_are_found(string message, string expected) => AssertLink(message, expected);

    [Theory]
    [InlineData("the file is IMG-2034.jpg, the leak is at the top left")]
    [InlineData("it's done, I finished everything.in the end it took 3 hours")]
    [InlineData("the firmware is v2.1.3-beta, I updated it")]
    [InlineData("the part is ref.nl 300, same as before")]
    [InlineData("ok.na sexta eu volto")]
    [InlineData("I'll be there tomorrow.it should take an hour")]
    public void Words_glued_after_a_full_stop_are_no_domains(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

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
