using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class ContentPolicyTests
{
    private const string PhoneAndPayment = "pay me cash directly, call 555-010-0142";
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData(ViolationKind.Phone, PolicyAction.Redact)]
    [InlineData(ViolationKind.Email, PolicyAction.Redact)]
    [InlineData(ViolationKind.Link, PolicyAction.Redact)]
    [InlineData(ViolationKind.SocialHandle, PolicyAction.Redact)]
    [InlineData(ViolationKind.PaymentOutside, PolicyAction.Block)]
    [InlineData(ViolationKind.ContactCard, PolicyAction.Block)]
    [InlineData(ViolationKind.OffPlatformInvite, PolicyAction.Block)]
    [InlineData(ViolationKind.ContactRequest, PolicyAction.Block)]
    public void Default_policy_acts_per_kind(ViolationKind kind, PolicyAction expected) =>
        Assert.Equal(expected, ContentPolicy.Default.ActionFor(kind));

    [Theory]
    [InlineData("call 555-010-0142", ViolationKind.Phone)]
    [InlineData("juan at gmail dot com", ViolationKind.Email)]
    [InlineData("www.juanplumbing.com", ViolationKind.Link)]
    [InlineData("@juanfixes", ViolationKind.SocialHandle)]
    [InlineData("págame por Bizum", ViolationKind.PaymentOutside)]
    [InlineData("fuera de la app", ViolationKind.OffPlatformInvite)]
    [InlineData("donne-moi ton vrai numéro", ViolationKind.ContactRequest)]
    public void Each_kind_takes_the_action_its_policy_sets(string message, ViolationKind kind)
    {
        foreach (var action in Enum.GetValues<PolicyAction>())
        {
            var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default.WithAction(kind, action)).Findings);

            Assert.Equal(kind, finding.Kind);
            Assert.Equal(action, finding.Action);
        }
    }

    [Fact]
    public void Redact_wins_over_flag_and_the_flagged_text_is_relayed()
    {
        var result = scanner.Scan(PhoneAndPayment, ContentPolicy.Default with { PaymentOutside = PolicyAction.Flag });

        Assert.Equal(ScanVerdict.Redacted, result.Verdict);
        Assert.Equal("pay me cash directly, call [phone removed]", result.DeliveredText);
        Assert.Equal([PolicyAction.Flag, PolicyAction.Redact], result.Findings.Select(f => f.Action));
    }

    [Fact]
    public void Block_wins_over_redact_and_nothing_is_delivered()
    {
        var result = scanner.Scan(PhoneAndPayment, ContentPolicy.Default);

        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
        Assert.Null(result.DeliveredText);
        Assert.Equal("Your message was not sent. For your protection, keep the conversation and payment here.", result.SenderNotice);
    }

    [Fact]
    public void Blocked_phone_number_is_not_delivered_and_the_sender_is_told_why()
    {
        var result = scanner.Scan("my number is 555 010 0177", ContentPolicy.Default with { Phone = PolicyAction.Block });

        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
        Assert.Null(result.DeliveredText);
        Assert.Equal("Your message was not sent: it contained a phone number. Contact details are shared only through the platform.", result.SenderNotice);
    }

    [Fact]
    public void Flag_only_relays_the_message_unchanged()
    {
        var result = scanner.Scan("call 555-010-0142", ContentPolicy.Default with { Phone = PolicyAction.Flag });

        Assert.Equal(ScanVerdict.Flagged, result.Verdict);
        Assert.Equal("call 555-010-0142", result.DeliveredText);
    }

    [Fact]
    public void Clean_message_has_no_findings_and_no_notice()
    {
        var result = scanner.Scan("The tap is fixed, see you on Tuesday at 10:30", ContentPolicy.Default);

        Assert.Equal(ScanVerdict.Clean, result.Verdict);
        Assert.Empty(result.Findings);
        Assert.Equal("The tap is fixed, see you on Tuesday at 10:30", result.DeliveredText);
        Assert.Null(result.SenderNotice);
    }

    [Theory]
    [InlineData("Details at https://bowinbox.example/help")]
    [InlineData("Read www.bowinbox.example/payments first")]
    [InlineData("Write to support@bowinbox.example")]
    [InlineData("Follow @bowinbox for updates")]
    [InlineData("Our support line is +1 555 000 0000")]
    public void Allowlisted_domains_handles_and_numbers_are_never_findings(string message)
    {
        var policy = ContentPolicy.Default with { Allowlist = ["bowinbox.example", "@bowinbox", "+15550000000"] };

        Assert.True(scanner.Scan(message, policy).IsClean);
        Assert.False(scanner.Scan(message, ContentPolicy.Default).IsClean);
    }

    [Fact]
    public void Allowlisting_a_domain_does_not_allow_one_that_merely_ends_like_it()
    {
        var policy = ContentPolicy.Default with { Allowlist = ["bowinbox.example"] };

        var finding = Assert.Single(scanner.Scan("go to notbowinbox.example.com", policy).Findings);

        Assert.Equal(ViolationKind.Link, finding.Kind);
    }

    [Fact]
    public void Several_kinds_removed_are_all_named_in_the_notice()
    {
        var result = scanner.Scan("call 555-010-0142 or mail juan@gmail.com, also www.juanfix.com", ContentPolicy.Default);

        Assert.Equal("call [phone removed] or mail [email removed], also [link removed]", result.DeliveredText);
        Assert.Equal(
            "Your message was sent with a phone number, an email address and a link removed: contact details are shared only through the platform.",
            result.SenderNotice);
    }

    [Fact]
    public void Findings_point_at_the_text_as_the_sender_wrote_it()
    {
        const string message = "Hola 👋🏽 mi número es ６１２ ３４５ ６７８, gracias";

        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal("６１２ ３４５ ６７８", finding.Text);
        Assert.Equal(finding.Text, message.Substring(finding.Start, finding.Length));
    }
}
