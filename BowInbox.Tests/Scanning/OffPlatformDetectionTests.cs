using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class OffPlatformDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("pay me cash directly and it's cheaper")]
    [InlineData("Just Venmo me the $150 when I'm done")]
    [InlineData("Zelle works for me")]
    [InlineData("I take PayPal too")]
    [InlineData("Do you have CashApp?")]
    [InlineData("I normally charge 150 but 120 cash")]
    [InlineData("text me directly next time")]
    [InlineData("call me directly and I'll give you a better price")]
    [InlineData("Let's skip the app next time")]
    [InlineData("let's do it off the app")]
    [InlineData("contact me outside the app for future jobs")]
    [InlineData("I'll give you my personal number after the job")]
    [InlineData("Let's not go through BowInbox for the next one")]
    [InlineData("págame en efectivo")]
    [InlineData("págame por Bizum y nos ahorramos la comisión")]
    [InlineData("escríbeme directo y lo arreglamos")]
    [InlineData("mejor lo hacemos fuera de la app")]
    [InlineData("la próxima vez llámame, sin la aplicación")]
    [InlineData("lo arreglamos entre nosotros")]
    [InlineData("transfiéreme a mi cuenta el resto")]
    public void Requests_to_pay_or_talk_outside_the_platform_are_found(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => IntentLexicon.IsIntent(f.Kind));
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
    }

    [Fact]
    public void Off_platform_request_set_to_flag_is_relayed_unchanged()
    {
        const string message = "If you pay me cash I can knock 20% off";

        var result = scanner.Scan(message, ContentPolicy.Default with { PaymentOutside = PolicyAction.Flag });

        Assert.Equal(ScanVerdict.Flagged, result.Verdict);
        Assert.Equal(message, result.DeliveredText);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(PolicyAction.Flag, finding.Action);
        Assert.Equal("pay me cash", finding.Text);
        Assert.StartsWith("Your message was sent.", result.SenderNotice);
    }

    // Invitations in any of their forms: a messenger to move to or write on, plain texts or calls, the platform not
    // needed, straight to me, outside the site.
    [Theory]
    [InlineData("from tomorrow let's just call each other normally, it's quicker")]
    [InlineData("send me a normal text when you land")]
    [InlineData("cambiémonos a Telegram, aquí tarda mucho")]
    [InlineData("mudamos pra o Telegram? aqui demora")]
    [InlineData("fala comigo no meu outro whats, esse é do trabalho")]
    [InlineData("da próxima resolvemos direto comigo, é mais barato")]
    [InlineData("o resto fazemos sem a plataforma")]
    [InlineData("utilisez plutôt Signal pour les photos")]
    [InlineData("plus besoin de l'appli, tu m'appelles directement")]
    [InlineData("on finit le chantier hors de la plateforme")]
    [InlineData("du kannst mich lieber per Signal erreichen")]
    [InlineData("ruf mich morgen einfach normal an")]
    [InlineData("die Vermittlung brauchen wir jetzt nicht mehr")]
    [InlineData("baaki baat ke liye Signal use karna")]
    [InlineData("agli baar app se order mat karna, direct mujhe call karna")]
    public void Invitations_in_any_form_are_found(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.OffPlatformInvite);

    // Cash in hand or a local wallet instead of the platform.
    [Theory]
    [InlineData("le reste tu me l'envoies via Orange Money, pas par l'appli, c'est mieux")]
    [InlineData("kaam ke baad nakad dedo, bas")]
    [InlineData("itna commission kyun de app ko, seedha le lo")]
    public void Cash_in_hand_and_local_wallets_are_payment_outside(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.PaymentOutside);

    [Theory]
    [InlineData("I paid the deposit through the app already")]
    [InlineData("Paying through the app is fine with me")]
    [InlineData("Me pagas por la app cuando termine, como siempre")]
    [InlineData("I don't have cash for the meter, can you park in the driveway?")]
    [InlineData("El vuelo llega a las 14:35, voy directo a tu casa")]
    [InlineData("the app sends a normal text when the technician is on the way")]
    [InlineData("o orçamento no app aparece sem o IVA")]
    [InlineData("ich nutze die App normal, nur die Fotos laden nicht")]
    public void Paying_through_the_platform_is_not_a_finding(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
}
