using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>
/// The eighth tuning round's classes, on sentences of their own: talk of getting past the app's filter, installing or
/// switching to a messenger, settling things on our own, payment apps as verbs, cash against the app's price, bank
/// transfer details, lower-case names after a platform, sites with a path; and references that stay clean.
/// </summary>
public sealed class FilterEvasionAndReferenceTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("the rest comes in the next message so the app doesn't block it")]
    [InlineData("te mando el resto aparte para que la app no lo borre")]
    [InlineData("mando o final depois pra que o app não apague")]
    [InlineData("je mets la fin à part, sinon l'appli le bloque")]
    [InlineData("den Rest schicke ich einzeln, sonst die App sperrt das")]
    [InlineData("baaki baad mein bhejta hoon warna app kaat deta hai")]
    [InlineData("download Threema and then look for my first name")]
    [InlineData("descarga Telegram y me buscas por el apellido")]
    [InlineData("baixa o Signal que eu te acho lá")]
    [InlineData("téléchargez WhatsApp, c'est plus pratique")]
    [InlineData("gehen wir doch zu Signal, das ist einfacher")]
    [InlineData("Insta install kar lo, wahan sab photos hain")]
    [InlineData("lo arreglamos por fuera y listo")]
    [InlineData("a gente resolve isso por fora, sem taxa")]
    [InlineData("me chama lá no pv que eu explico")]
    [InlineData("private pe baat karte hain kal")]
    public void Moving_off_the_platform_is_blocked(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == ViolationKind.OffPlatformInvite);
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
    }

    [Theory]
    [InlineData("plinéame el adelanto hoy mismo")]
    [InlineData("in cash it's 200, through the app it's 240")]
    [InlineData("em espécie sai 90, pelo site fica 110")]
    [InlineData("je vous paie en espèces et vous annulez la commande")]
    [InlineData("wir stornieren, und du zahlst mir bar")]
    [InlineData("IMPS kar do, details bhej raha hoon")]
    [InlineData("IFSC SBIN0004321 hai, naam Ramesh Kumar")]
    public void Payment_outside_is_blocked(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == ViolationKind.PaymentOutside);
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
    }

    [Theory]
    [InlineData("déjame tu celular para la factura", ViolationKind.ContactRequest)]
    [InlineData("qual o contato do seu celular? é mais rápido", ViolationKind.ContactRequest)]
    [InlineData("quelle est votre adresse e-mail perso ?", ViolationKind.ContactRequest)]
    [InlineData("aapka personal number chahiye, urgent hai", ViolationKind.ContactRequest)]
    [InlineData("no Instagram sou o pintorjoinville, me segue", ViolationKind.SocialHandle)]
    [InlineData("sur Télégramme je suis marc_plomberie_nord", ViolationKind.SocialHandle)]
    [InlineData("pesquisa no face por Vidraçaria Bom Jesus", ViolationKind.SocialHandle)]
    [InlineData("book here: kumarclasses.in/slots", ViolationKind.Link)]
    [InlineData("mail id ritu.sharma88 hai phir gmail", ViolationKind.Email)]
    public void Contact_details_in_new_forms_are_found(string message, ViolationKind kind)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == kind);
        Assert.True(ScannerFigures.IsStopped(result));
    }

    [Theory]
    [InlineData("PayPal didn't go through, so I paid with my debit card in the app")]
    [InlineData("o Pix não funcionou, paguei com cartão no aplicativo")]
    [InlineData("paguei por MB Way dentro do app, está tudo certo")]
    [InlineData("Kennwort: 5521 9087 3346 1120")]
    [InlineData("Router-Passwort steht auf dem Aufkleber, Router: 4471 0093 2281 5560")]
    [InlineData("fiz o pedido, o número é 7788.120.3345")]
    [InlineData("processo na câmara municipal 2291/2024, aguardando parecer")]
    [InlineData("SIREN de la société : 552 100 554, pour le devis")]
    [InlineData("the MOT number is 5510 3382 9471")]
    public void References_and_payment_in_the_app_stay_clean(string message)
    {
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
    }

    [Fact]
    public void A_comma_breaks_the_reference_unless_the_number_is_named()
    {
        Assert.False(scanner.Scan("abri a reclamação, ligue 0912 345 678", ContentPolicy.Default).IsClean);
    }
}
