using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class SocialHandleDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("follow me @mikefixesit for before/after pics", "@mikefixesit")]
    [InlineData("sígueme: @ana.profe", "@ana.profe")]
    [InlineData("Cashapp $MikeFixes", "$MikeFixes")]
    public void At_handles_and_cashtags_are_found(string message, string expected)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == ViolationKind.SocialHandle && f.Text == expected);
    }

    [Theory]
    [InlineData("find me on Instagram, mike.fixes", "find me on Instagram, mike.fixes")]
    [InlineData("add me on Telegram: @mikefixes", "add me on Telegram: @mikefixes")]
    [InlineData("I'm on Signal if you prefer", "I'm on Signal")]
    [InlineData("Message me on Facebook, Mike Rivera Plumbing", "Message me on Facebook")]
    [InlineData("I'm on WhatsApp too, same name", "I'm on WhatsApp")]
    [InlineData("my IG is anatutors", "my IG is anatutors")]
    [InlineData("my instagram handle is ana.teaches.math", "my instagram handle is ana.teaches.math")]
    [InlineData("check out my Instagram for photos", "check out my Instagram")]
    [InlineData("add me: ana_tutor on snap", "ana_tutor on snap")]
    [InlineData("search Rivera Plumbing on Facebook", "search Rivera Plumbing on Facebook")]
    [InlineData("búscame en Instagram como juan_fontanero", "búscame en Instagram como juan_fontanero")]
    [InlineData("búscame como maria limpiezas en facebook", "búscame como maria limpiezas en facebook")]
    [InlineData("escríbeme por Telegram mejor", "escríbeme por Telegram")]
    [InlineData("mi usuario de telegram es luisf_88", "mi usuario de telegram es luisf_88")]
    [InlineData("agrégame al grupo de WhatsApp de la academia", "agrégame al grupo de WhatsApp")]
    public void Invitations_to_another_app_are_found_with_the_handle_that_follows(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.SocialHandle, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }

    [Fact]
    public void Redacting_an_invitation_removes_the_handle_too()
    {
        var result = scanner.Scan("Thanks! find me on Instagram @juanfixes for more", ContentPolicy.Default);

        Assert.Equal("Thanks! [handle removed] for more", result.DeliveredText);
        Assert.DoesNotContain("juanfixes", result.DeliveredText);
    }
}
