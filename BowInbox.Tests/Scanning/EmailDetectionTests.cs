using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class EmailDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("Send the photos to mike.plumbing@gmail.com", "mike.plumbing@gmail.com")]
    [InlineData("EMAIL ME: JOHN.TUTOR@GMAIL.COM", "JOHN.TUTOR@GMAIL.COM")]
    [InlineData("Te lo mando a jorge1975@yahoo.com.mx", "jorge1975@yahoo.com.mx")]
    [InlineData("write to tutor.ana @ gmail . com", "tutor.ana @ gmail . com")]
    [InlineData("juan＠gmail．com", "juan＠gmail．com")]
    public void Plain_addresses_are_found(string message, string expected) => AssertEmail(message, expected);

    [Theory]
    [InlineData("juan at gmail dot com", "juan at gmail dot com")]
    [InlineData("my email is sarah_k(at)outlook(dot)com", "sarah_k(at)outlook(dot)com")]
    [InlineData("sarah [at] yahoo [dot] com for the quote", "sarah [at] yahoo [dot] com")]
    [InlineData("reach me at tom{at}proton{dot}me", "tom{at}proton{dot}me")]
    [InlineData("email me at mike dot fixes at gmail dot com", "mike dot fixes at gmail dot com")]
    [InlineData("my address is jsmith AT outlook DOT com", "jsmith AT outlook DOT com")]
    [InlineData("mi correo es luis arroba gmail punto com", "luis arroba gmail punto com")]
    [InlineData("luis.fontanero(arroba)hotmail(punto)es", "luis.fontanero(arroba)hotmail(punto)es")]
    [InlineData("mi mail es ana punto garcia arroba gmail punto com", "ana punto garcia arroba gmail punto com")]
    [InlineData("mi correo es m a r i a @ g m a i l . c o m", "m a r i a @ g m a i l . c o m")]
    public void Spelled_out_addresses_are_found(string message, string expected) => AssertEmail(message, expected);

    [Theory]
    [InlineData("écris-moi : paul.martin arobase orange point fr", "paul.martin arobase orange point fr")]
    [InlineData("paul point martin arobase free point fr", "paul point martin arobase free point fr")]
    [InlineData("kontakt(ät)fliesen-berger(punkt)de", "kontakt(ät)fliesen-berger(punkt)de")]
    [InlineData("info (a) malerbetrieb-schulz (punkt) at", "info (a) malerbetrieb-schulz (punkt) at")]
    [InlineData("schreib an max klammeraffe gmx punkt de", "max klammeraffe gmx punkt de")]
    [InlineData("meu email é joao.reparos arroba gmail ponto com", "joao.reparos arroba gmail ponto com")]
    [InlineData("ana arroba hotmail punto es", "ana arroba hotmail punto es")]
    [InlineData("mail me on priya at the rate yahoo dot co dot in", "priya at the rate yahoo dot co dot in")]
    [InlineData("jack at tradies dot com dot au", "jack at tradies dot com dot au")]
    public void Addresses_disguised_in_other_languages_are_found(string message, string expected) => AssertEmail(message, expected);

    [Theory]
    [InlineData("Just email me: tomfixesit at hotmail", "tomfixesit at hotmail")]
    [InlineData("my gmail is tom.fixes.77", "tom.fixes.77")]
    [InlineData("escríbeme al correo: luisfonta88", "luisfonta88")]
    [InlineData("mejor por correo, lucia.clases en gmail", "lucia.clases en gmail")]
    public void A_mailbox_name_with_its_provider_is_an_address(string message, string expected) => AssertEmail(message, expected);

    [Fact]
    public void Email_is_redacted_with_its_placeholder()
    {
        var result = scanner.Scan("mándame las fotos a fontanero.luis@gmail.com porfa", ContentPolicy.Default);

        Assert.Equal("mándame las fotos a [email removed] porfa", result.DeliveredText);
        Assert.Equal(
            "Your message was sent with an email address removed: contact details are shared only through the platform.",
            result.SenderNotice);
    }

    // A mailbox name on its provider in every language, and a provider with a space for the dot before its ending.
    [Theory]
    [InlineData("manda as fotos pro ricardo.pinturas no hotmail", "ricardo.pinturas no hotmail")]
    [InlineData("c'est marc.bricole sur gmail, sans accent", "marc.bricole sur gmail")]
    [InlineData("meine E-Mail ist malermeister kunz (ohne Leerzeichen) bei web de", "malermeister kunz (ohne Leerzeichen) bei web de")]
    [InlineData("schreib an tischlerei punkt weber bei gmx de", "tischlerei punkt weber bei gmx de")]
    [InlineData("meu email é joao.obras em gmail com", "joao.obras em gmail com")]
    public void A_mailbox_on_its_provider_in_other_languages_is_an_address(string message, string expected) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Email && f.Text == expected);

    private void AssertEmail(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Email, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }

    // Addresses given in halves: spelled separators between commas or dashes, a mailbox-shaped name right before its
    // provider, the domain named as such.
    [Theory]
    [InlineData("mail: carla punto reformas, arroba, outlook, punto es")]
    [InlineData("send them to dan.keane - at - yahoo - com")]
    [InlineData("rohit_tiles99 yahoo pe bhej do")]
    [InlineData("the name is jb.carpentry and the domain is fastmail.com")]
    public void Addresses_given_in_halves_are_emails(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Email);

    [Theory]
    [InlineData("I'm at home - at least until six, then at work")]
    [InlineData("the domain of the app is on the invoice")]
    public void Talk_about_being_somewhere_stays_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    // Addresses spaced out one character at a time, an "@" followed by a few words and then the domain, and a name
    // ending in a number a word or two before its provider.
    [Theory]
    [InlineData("e-mail: s o f i a . r u i z @ g m a i l . c o m")]
    [InlineData("mail moi: j e a n 7 7 @ o r a n g e . f r")]
    [InlineData("écris à l.mbeki@ tout attaché ensuite outlook.fr")]
    [InlineData("mein Postfach: k.weber@ ohne Leerzeichen gmx.de")]
    [InlineData("mera mail rohitverma88 ke aage gmail lagao")]
    [InlineData("o email é obras.tavares21 e depois hotmail")]
    public void Addresses_given_in_scattered_pieces_are_found(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Email);

    [Theory]
    [InlineData("the code on the box is A B C 1 2 3, is that the right one?")]
    [InlineData("order A1234 came by email, it's in the app")]
    [InlineData("the reading was 4 5 6 . 7 at 9am")]
    [InlineData("I sent the quote to the app @ 10.30 this morning")]
    [InlineData("model X5 on my hotmail receipt, same as the app")]
    public void Spaced_codes_and_a_mailbox_mentioned_stay_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
}
