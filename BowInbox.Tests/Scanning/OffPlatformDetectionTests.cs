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

    // The app skipped or removed while the job goes ahead, the other side's channel asked for, the fee dodged so the
    // app gets nothing, and mobile-money apps of more countries, in every language.
    [Theory]
    [InlineData("honestly don't bother booking through the app next time, just ring the bell")]
    [InlineData("no need to pay through the site, I'll sort you out on the day")]
    [InlineData("uninstall the app and I'll come every fortnight for the same price")]
    [InlineData("I'll send you a teams link privately for the next lessons")]
    [InlineData("cash is easier for me, so the platform doesn't take twenty percent")]
    [InlineData("no reserves en la app, paso el lunes igual y lo vemos")]
    [InlineData("mejor seguimos sin agendar en la plataforma, yo te aviso")]
    [InlineData("te escribo y hablamos por el otro lado, ¿vale?")]
    [InlineData("¿a qué celular le puedo escribir directo?")]
    [InlineData("paga en efectivo y así la plataforma no se lleva nada")]
    [InlineData("não agenda na plataforma, eu passo lá sábado de manhã")]
    [InlineData("dá pra fazer sem pagar pelo aplicativo, combinado?")]
    [InlineData("a gente fala pelo outro lado depois, beleza")]
    [InlineData("tem um zap pessoal? esse aqui trava muito")]
    [InlineData("qual celular eu posso ligar amanhã cedo?")]
    [InlineData("pode ser em dinheiro, assim o site não cobra nada")]
    [InlineData("supprimez la réservation, je viens quand même mardi")]
    [InlineData("on peut faire ça hors-plateforme si tu veux")]
    [InlineData("pas besoin de réserver sur le site, appelez-moi le soir")]
    [InlineData("ne payez pas dans l'appli, je prends le liquide")]
    [InlineData("machet mers ohni d'Plattform, s'isch eifacher")]
    [InlineData("häsch mer dis Natel? denn ruef i a")]
    [InlineData("bar bezahlt, dann bekommt die App nichts ab")]
    [InlineData("app delete kar do, agle mahine se main khud aaunga")]
    [InlineData("dusre Signal par aa jao bhai, yahan late hota hai")]
    [InlineData("Telegram pe shift ho jao bhai")]
    [InlineData("mande o resto pelo Multicaixa Express")]
    [InlineData("tu peux régler par MVola ce soir")]
    public void The_app_skipped_while_the_job_goes_ahead_is_found(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => IntentLexicon.IsIntent(f.Kind));
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
    }

    // Meetings on video apps, the app's own messages and "on the other hand" stay clean.
    [Theory]
    [InlineData("sorry I missed your call, I was on a Teams meeting with the office")]
    [InlineData("the app said the booking is confirmed for Monday, see you then")]
    [InlineData("I deleted the app by mistake, is my booking still there?")]
    [InlineData("disculpa la demora, tuve una reunión por Zoom con el banco")]
    [InlineData("por otro lado, la pared del baño también tiene humedad")]
    [InlineData("desculpa, estava numa reunião pelo Teams, já vi a mensagem")]
    [InlineData("le site dit que la réservation est confirmée pour mardi")]
    [InlineData("ohne Termin kann ich leider nicht kommen")]
    [InlineData("app se hi payment kar dijiye, receipt mil jayegi")]
    public void Talking_about_the_app_or_a_video_meeting_is_clean(string message)
    {
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
    }
}
