using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>Invitations off the platform, requests for contact details and payment outside it, in the six languages.</summary>
public sealed class IntentDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("let's continue on Signal", ViolationKind.OffPlatformInvite)]
    [InlineData("message me on my personal WhatsApp", ViolationKind.OffPlatformInvite)]
    [InlineData("sigamos por Telegram mejor", ViolationKind.OffPlatformInvite)]
    [InlineData("bora falar pelo zap", ViolationKind.OffPlatformInvite)]
    [InlineData("on se parle sur Telegram plutôt", ViolationKind.OffPlatformInvite)]
    [InlineData("lass uns auf Signal weiterschreiben", ViolationKind.OffPlatformInvite)]
    [InlineData("chalo WhatsApp pe baat karte hain", ViolationKind.OffPlatformInvite)]
    [InlineData("give me your real number", ViolationKind.ContactRequest)]
    [InlineData("¿cuál es tu número? te llamo", ViolationKind.ContactRequest)]
    [InlineData("me passa seu número", ViolationKind.ContactRequest)]
    [InlineData("gib mir deine Handynummer", ViolationKind.ContactRequest)]
    [InlineData("apna number do", ViolationKind.ContactRequest)]
    [InlineData("me paga no PIX e pronto", ViolationKind.PaymentOutside)]
    [InlineData("send it by M-Pesa to my till", ViolationKind.PaymentOutside)]
    [InlineData("cash and skip the fee", ViolationKind.PaymentOutside)]
    [InlineData("10% discount if we book directly", ViolationKind.PaymentOutside)]
    [InlineData("überweis auf mein Konto IBAN DE89 3704 0044 0532 0130 00", ViolationKind.PaymentOutside)]
    [InlineData("UPI id pe payment karo rahul@okaxis", ViolationKind.PaymentOutside)]
    public void Intent_is_its_own_kind_and_blocked_by_default(string message, ViolationKind kind)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == kind);
        Assert.Equal(ScanVerdict.Blocked, result.Verdict);
        Assert.Null(result.DeliveredText);
    }

    // German invitations off the platform: calling privately, settling it between us, not through the app.
    [Theory]
    [InlineData("meld dich per SMS bei mir")]
    [InlineData("kannst du mich privat anrufen?")]
    [InlineData("ruf mich am besten persönlich an")]
    [InlineData("das machen wir besser ohne Plattform")]
    [InlineData("schreib mir, aber nicht über die App")]
    [InlineData("lass uns das unter uns regeln")]
    public void German_invitations_off_the_platform_are_found(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.OffPlatformInvite);

    // Naming an IBAN is talk about an invoice; someone's own is a payment outside.
    [Theory]
    [InlineData("IBAN steht auf der Rechnung der App", false)]
    [InlineData("the IBAN on the invoice is the platform's", false)]
    [InlineData("te paso mi CBU y me transferís", true)]
    [InlineData("CLABE: 002180001234567890 para el depósito", true)]
    [InlineData("RIB sur la facture de l'appli", false)]
    [InlineData("paye-moi par virement, je te donne mon RIB", true)]
    [InlineData("deposita na minha conta do Nubank", true)]
    public void Only_an_iban_given_is_payment_outside(string message, bool outside) =>
        Assert.Equal(outside, scanner.Scan(message, ContentPolicy.Default).Findings.Any(f => f.Kind == ViolationKind.PaymentOutside));

    // Cash, and the platform's fee forgotten, skipped or dodged, in every language.
    [Theory]
    [InlineData("cash on the day and forget the fee")]
    [InlineData("me pagas en efectivo y te olvidas de la comisión")]
    [InlineData("paga em dinheiro e pula a comissão")]
    [InlineData("en liquide et on oublie les frais")]
    [InlineData("bar auf die Hand und vergiss die Gebühr")]
    [InlineData("cash de dena, fee bhool jao")]
    [InlineData("en espèces, c'est moins cher pour vous")]
    [InlineData("in bar wird es deutlich günstiger")]
    [InlineData("Rabatt gibt es nur bei Barzahlung")]
    [InlineData("se pagar em dinheiro eu faço mais barato")]
    [InlineData("cash mein doge to sasta ho jayega")]
    [InlineData("tu me règles en liquide à la fin")]
    [InlineData("du kannst mir das bar geben")]
    public void Cash_to_avoid_the_fee_is_payment_outside(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.PaymentOutside);

    // Fillers and any adjective between the request and the number: "gib mir mal deine neue Nummer".
    [Theory]
    [InlineData("schick mir bitte mal deine neue Handynummer")]
    [InlineData("gib mir doch einfach deine private Mail")]
    [InlineData("dame tu verdadero número y lo hablamos")]
    [InlineData("donne-moi ton autre numéro")]
    [InlineData("send me your actual mobile number")]
    [InlineData("Ihre Handynummer bitte, dann melde ich mich")]
    [InlineData("your mobile number please, I'll ring when I'm close")]
    [InlineData("tu número por favor y te aviso")]
    [InlineData("seu celular, por favor, pra eu avisar")]
    [InlineData("ton numéro stp, je t'appelle")]
    [InlineData("tu peux me donner ton numéro perso ?")]
    [InlineData("aapka mobile number please")]
    public void Requests_for_the_number_with_fillers_are_contact_requests(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.ContactRequest);

    // Someone else's number or email asked for, and the other side's email in German "wie lautet".
    [Theory]
    [InlineData("me passa o número do seu marido que eu combino com ele")]
    [InlineData("can you give me your husband's number so I can check with him")]
    [InlineData("pásame el número de tu esposo y lo coordino con él")]
    [InlineData("donne-moi le numéro de ton mari, je l'appelle")]
    [InlineData("gib mir mal die Nummer von deinem Chef")]
    [InlineData("apne bhai ka number do, unse baat kar lunga")]
    [InlineData("wie lautet Ihre private E-Mail? dann schicke ich das Angebot direkt")]
    [InlineData("apni email id bhejo, quotation wahan bhej deta hoon")]
    public void Requests_for_someone_elses_contact_are_contact_requests(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.ContactRequest);

    // Contact details asked for in any polite form, with any verb.
    [Theory]
    [InlineData("would you mind giving me your personal email for the drawings?")]
    [InlineData("which is the easiest number to reach you on after six?")]
    [InlineData("hätten Sie eine Handynummer für mich, falls ich mich verspäte?")]
    [InlineData("schicken Sie mir bitte Ihren Signal-Kontakt")]
    [InlineData("laissez-moi votre numéro, je vous rappelle ce soir")]
    [InlineData("tu peux m'envoyer ton 07 pour le rendez-vous ?")]
    [InlineData("manda um contato pra eu te chamar depois")]
    [InlineData("consegue passar-me o seu telemóvel?")]
    [InlineData("aapki wife ka number share kar dijiye, unse time confirm kar loon")]
    [InlineData("bhaiya apna whatsapp no. bata do")]
    public void Contact_details_asked_for_in_any_form_are_contact_requests(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.ContactRequest);

    // Cancel on the platform and come anyway, settle it between us, move to an app with any verb.
    [Theory]
    [InlineData("cancel the booking on the app and I'll come anyway, cheaper for you")]
    [InlineData("cancela en la app y voy igual el jueves")]
    [InlineData("cancela no app que eu vou mesmo assim")]
    [InlineData("annulez sur la plateforme, je passe quand même et on s'arrange entre nous")]
    [InlineData("storniere den Auftrag in der App, ich komme trotzdem und wir rechnen privat ab")]
    [InlineData("app se booking cancel karo, main waise hi aa jaunga, paisa kam lagega")]
    [InlineData("den Rest regeln wir dann privat")]
    [InlineData("let's sort it over text instead")]
    [InlineData("por aquí se demora mucho, ¿te paso a mi Telegram y lo cerramos allí?")]
    public void Cancelling_to_carry_on_outside_is_an_invitation_off_the_platform(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.OffPlatformInvite);

    // The payment apps of more countries are in the shared list.
    [Theory]
    [InlineData("just Swish me the money after")]
    [InlineData("you can pay with Vipps or MobilePay")]
    [InlineData("tu peux me payer par Wero ou Lydia")]
    [InlineData("zahl einfach per Twint oder Satispay")]
    [InlineData("send it through Easypaisa or JazzCash")]
    [InlineData("me pagas por SINPE Móvil mejor")]
    public void Local_payment_apps_are_payment_outside(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.PaymentOutside);

    [Theory]
    [InlineData("sigamos por Telegram mejor", "Tu mensaje no se envió. Por tu protección, mantén la conversación y el pago aquí.")]
    [InlineData("me paga no PIX e pronto", "A sua mensagem não foi enviada. Para a sua proteção, mantenha a conversa e o pagamento aqui.")]
    [InlineData("donne-moi ton vrai numéro", "Votre message n'a pas été envoyé. Pour votre protection, gardez la conversation et le paiement ici.")]
    [InlineData("zahl bar, dann ohne Gebühr", "Ihre Nachricht wurde nicht gesendet. Zu Ihrem Schutz: Bleiben Sie mit Gespräch und Zahlung bitte hier.")]
    [InlineData("let's continue on Signal", "Your message was not sent. For your protection, keep the conversation and payment here.")]
    public void The_sender_is_told_politely_in_their_language(string message, string notice) =>
        Assert.Equal(notice, scanner.Scan(message, ContentPolicy.Default).SenderNotice);

    [Theory]
    [InlineData("I paid through the app already, check your bookings")]
    [InlineData("what's your order number? I'll check it")]
    [InlineData("mejor seguimos por aquí en la app, así queda todo registrado")]
    [InlineData("já paguei pelo app, confere aí")]
    [InlineData("restons ici dans l'appli, tout est tracé")]
    [InlineData("ich habe schon in der App bezahlt")]
    [InlineData("maine app se payment kar diya hai")]
    [InlineData("my WhatsApp was slow today sorry")]
    [InlineData("your order number please, so I can find the part")]
    [InlineData("Ihre Auftragsnummer bitte, dann schaue ich nach")]
    [InlineData("le numéro de commande stp")]
    [InlineData("der Kessel läuft mit 2 bar, günstiger wird es nicht")]
    [InlineData("kam mein kaam ho jayega, app se pay kar dena")]
    public void Talk_about_the_platform_itself_is_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    [Fact]
    public void An_exception_that_runs_out_of_time_lets_the_finding_stand_and_never_fails_the_scan()
    {
        var file = Path.GetTempFileName();
        try
        {
            // An exception that backtracks without end on what follows: it always runs into its time limit.
            File.WriteAllText(file, "Language\tpt\nPaymentOutside\tpaga\\s+no\\s+picpay\nUnless\t\\s*(?:a|a)+b\n");
            var extended = new ContactScanner(IntentLexicon.Load(file), ScannerRegions.None);

            var result = extended.Scan("paga no PicPay " + new string('a', 40) + "!", ContentPolicy.Default);

            Assert.Equal(ViolationKind.PaymentOutside, Assert.Single(result.Findings).Kind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_marketplace_adds_its_own_phrases_in_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "Language\tpt\nPaymentOutside\tpaga\\s+no\\s+picpay\n");
            var extended = new ContactScanner(IntentLexicon.Load(file), ScannerRegions.None);
            const string message = "paga no PicPay que é rápido";

            Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
            var result = extended.Scan(message, ContentPolicy.Default);
            Assert.Equal(ViolationKind.PaymentOutside, Assert.Single(result.Findings).Kind);
            Assert.StartsWith("A sua mensagem não foi enviada.", result.SenderNotice);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Paymentoutside\tvenmo", "line 1")]
    [InlineData("PaymentOutside\t(unclosed", "not a valid expression")]
    [InlineData("PaymentOutside\t(?<=x)y", "not a valid expression")]
    [InlineData("PaymentOutside\t{nothing}", "{nothing} is not defined")]
    [InlineData("Phone\tcall", "expected 'Kind<TAB>expression'")]
    public void A_bad_keywords_file_is_refused_with_the_line_at_fault(string line, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, line + "\n");

            var error = Assert.Throws<InvalidDataException>(() => IntentLexicon.Load(file));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_keywords_file_is_refused() =>
        Assert.Throws<InvalidDataException>(() => IntentLexicon.Load("/nonexistent/keywords.txt"));
}
