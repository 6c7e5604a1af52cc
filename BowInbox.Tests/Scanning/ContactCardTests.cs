using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class ContactCardTests
{
    private readonly ContactScanner scanner = new();

    [Fact]
    public void Shared_contact_card_is_blocked_by_default()
    {
        var result = scanner.ScanContactCard(["Mike Rivera"], ["+1 555 010 0100"], ["mike@gmail.com"], ContentPolicy.Default);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ViolationKind.ContactCard, finding.Kind);
        Assert.Equal("Mike Rivera, +1 555 010 0100, mike@gmail.com", finding.Text);
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
        Assert.Null(result.DeliveredText);
        Assert.Equal("Your message was not sent: it contained a contact card. Contact details are shared only through the platform.", result.SenderNotice);
    }

    [Fact]
    public void A_card_with_only_a_name_is_still_a_finding()
    {
        var result = scanner.ScanContactCard(["Casa"], [], [], ContentPolicy.Default);

        Assert.Equal(ViolationKind.ContactCard, Assert.Single(result.Findings).Kind);
    }

    [Fact]
    public void A_card_with_allowlisted_details_is_still_a_finding()
    {
        var policy = ContentPolicy.Default with { Allowlist = ["bowinbox.example", "+15550000000"] };

        var result = scanner.ScanContactCard(["BowInbox support"], ["+15550000000"], ["help@bowinbox.example"], policy);

        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
    }

    [Theory]
    [InlineData(PolicyAction.Redact, ScanVerdict.Redacted, "[contact card removed]")]
    [InlineData(PolicyAction.Flag, ScanVerdict.Flagged, "Ana, ana@gmail.com")]
    public void A_card_follows_its_policy_when_not_blocked(PolicyAction action, ScanVerdict verdict, string delivered)
    {
        var result = scanner.ScanContactCard(["Ana"], [], ["ana@gmail.com"], ContentPolicy.Default with { ContactCard = action });

        Assert.Equal(verdict, result.Verdict);
        Assert.Equal(delivered, result.DeliveredText);
    }
}
