using BowInbox.Core.Insurance;
using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Insurance;

public sealed class PolicyContextTests
{
    private static readonly Insurer Acme = new() { Id = 1, Name = "Acme Insurance", Aliases = "Acme\nAcme Seguros", PolicyPatterns = @"AC[- ]?\d{3} \d{3} \d{4}", DeskGroupId = 10, UnderwritingGroupId = 11 };
    private static readonly Insurer Zeta = new() { Id = 2, Name = "Zeta Mutual", Aliases = "Zeta", PolicyPatterns = @"ZM\d{6}", DeskGroupId = 20 };

    [Fact]
    public void Insurer_alias_and_policy_number_are_read_from_the_customers_messages()
    {
        var found = PolicyContext.Extract(["Hi, I need help with a claim", "my Acme policy is AC-555 010 0199"], [Acme, Zeta]);

        Assert.Equal(1, found.InsurerId);
        Assert.Equal("AC-555 010 0199", found.PolicyNumber);
        Assert.Contains("Acme", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_number_alone_names_its_insurer()
    {
        var found = PolicyContext.Extract(["policy zm123456 please"], [Acme, Zeta]);

        Assert.Equal(2, found.InsurerId);
        Assert.Equal("ZM123456", found.PolicyNumber);
    }

    [Fact]
    public void Accented_and_cased_alias_matches_but_a_word_inside_another_does_not()
    {
        Assert.Equal(1, PolicyContext.Extract(["tengo un seguro con ACME SEGUROS"], [Acme, Zeta]).InsurerId);
        Assert.Null(PolicyContext.Extract(["the zetamax router is broken"], [Acme, Zeta]).InsurerId);
    }

    [Fact]
    public void Nothing_is_read_when_no_insurer_is_configured()
        => Assert.Equal(PolicyContext.None, PolicyContext.Extract(["my Acme policy AC-555 010 0199"], []));

    [Theory]
    [InlineData("POL-(\\d{8}", "not a valid regular expression")]
    [InlineData("\\d*", "matches empty text")]
    [InlineData("\\d{7,}", "also matches phone numbers")]
    public void A_bad_policy_pattern_gets_a_clear_error(string pattern, string expected)
        => Assert.Contains(expected, PolicyPatterns.Problem([pattern]), StringComparison.Ordinal);

    [Fact]
    public void A_good_policy_pattern_passes()
        => Assert.Null(PolicyPatterns.Problem([@"POL-\d{8}", @"AC-\d{3} \d{3} \d{4}"]));

    [Fact]
    public void Scanner_skips_a_number_inside_a_configured_policy_pattern_but_still_finds_a_phone_beside_it()
    {
        var scanner = new ContactScanner();
        const string text = "mine: AC 555 010 0199";
        Assert.Contains(scanner.Scan(text, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

        var policy = ContentPolicy.Default with { PolicyNumberPatterns = PolicyPatterns.Compile(Acme.PatternList) };
        Assert.DoesNotContain(scanner.Scan(text, policy).Findings, f => f.Kind == ViolationKind.Phone);

        var both = scanner.Scan(text + " and call me on 555 010 0188", policy);
        var phone = Assert.Single(both.Findings, f => f.Kind == ViolationKind.Phone);
        Assert.Equal("555 010 0188", phone.Text);
        Assert.Contains("AC 555 010 0199", both.DeliveredText, StringComparison.Ordinal);
    }
}
