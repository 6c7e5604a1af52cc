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

    [Theory]
    [InlineData("search Halloway Tiles & Bathrooms on Facebook, we reply fast")]
    [InlineData("procura Costa e Filhos Pinturas no Facebook")]
    [InlineData("such einfach Elektro Huber und Söhne auf Facebook")]
    [InlineData("I'm on the Nextdoor app as Barker Builds")]
    [InlineData("I'm Mike Rivera Plumbing on Facebook")]
    [InlineData("ich bin Fliesen Koch und Sohn auf Instagram")]
    [InlineData("cherchez Plomberie Martin et Fils sur Facebook")]
    public void A_business_name_with_joining_words_is_searched_for_on_a_platform(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.SocialHandle);

    [Theory]
    [InlineData("TikTok pe mera channel dekho: verma_ac_repairs", "verma_ac_repairs")]
    [InlineData("auf Insta findest du uns unter fliesen.koenig.berlin", "fliesen.koenig.berlin")]
    [InlineData("on Snapchat I'm tile_king_uk btw", "tile_king_uk")]
    [InlineData("no Instagram procura por eletrica_ferreira_sp", "eletrica_ferreira_sp")]
    [InlineData("sur Insta on est sous le nom plomberie_durand", "plomberie_durand")]
    public void A_handle_shaped_name_after_a_platform_is_found(string message, string handle)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.Contains(result.Findings, f => f.Kind == ViolationKind.SocialHandle && f.Text.EndsWith(handle, StringComparison.Ordinal));
        Assert.DoesNotContain(handle, result.DeliveredText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sent the photo on WhatsApp, it's IMG_2034.jpg")]
    [InlineData("the WhatsApp update v2.3 is buggy")]
    [InlineData("I saw your ad on Facebook, the boiler is a Vaillant")]
    [InlineData("the Signal ID card reader is broken")]
    public void Files_versions_and_plain_words_after_a_platform_are_no_handles(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    [Theory]
    [InlineData("skype: live:bauer.installationen")]
    [InlineData("my snap is fixit_tom")]
    [InlineData("meine Threema-ID ist 7HX4P2KD")]
    [InlineData("my KakaoTalk ID is kimplumb88")]
    [InlineData("mi usuario de LINE es tanaka_repair")]
    [InlineData("Threema: 7HX4P2KD")]
    [InlineData("LINE ID: tanaka88")]
    [InlineData("Threema ID 7HX4P2KD")]
    public void Messenger_ids_without_a_link_are_found(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.SocialHandle);

    // A business searched for on a search engine or directory, or named as one's channel or page on a platform.
    [Theory]
    [InlineData("just search Halloway Plumbing on Google, all my numbers are there")]
    [InlineData("look up Rivera Handyman Services on Google Maps")]
    [InlineData("búscame como Fontanería Ruiz en Google Maps")]
    [InlineData("Google pe Sharma Electricals search karo, number mil jayega")]
    [InlineData("such einfach Elektro Huber auf Google Maps")]
    [InlineData("ShareChat pe mera channel hai Gupta Repairs Lucknow, wahan msg karo")]
    [InlineData("my page on Facebook is Rivera Plumbing, message me there")]
    [InlineData("no Instagram minha página é Pinturas Costa")]
    [InlineData("sur YouTube ma chaîne c'est Déco Martin")]
    [InlineData("auf Facebook heißt meine Seite Malerbetrieb Schulz")]
    public void A_business_searched_for_or_named_as_an_account_is_a_handle(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.SocialHandle);

    // Accounts named after a platform: a user label or an ID later in the sentence, a name written in capitals inside
    // ("I'm on X, I'm MikeFixesIt"), a business page named, a name searched for with who they are, more platforms (Kwai).
    [Theory]
    [InlineData("telegram pe mera user id rakesh_88 hai")]
    [InlineData("on Skype, username carpentry by joe")]
    [InlineData("schreib mir bei Signal, ID 7QX2LM9P")]
    [InlineData("find me on X, I'm MikeFixesIt")]
    [InlineData("sur Kwai je suis deco.pierre.75")]
    [InlineData("la page Facebook Menuiserie Blanc et Fils a toutes les photos")]
    [InlineData("Instagram pe Sharma Tiles Jaipur page hai, follow kar lo")]
    [InlineData("search Laura Brennan, kitchen designer in Leeds, on LinkedIn")]
    [InlineData("twitch is tiledadlive, I stream the jobs there")]
    public void Accounts_named_after_a_platform_are_handles(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.SocialHandle);

    [Theory]
    [InlineData("the signal is weak up here, I'm on the roof")]
    [InlineData("I saw your ad on Instagram, I'm Maria from number 12")]
    [InlineData("the X on the plan marks the boiler")]
    [InlineData("the line is busy, I'll message you later")]
    public void A_platform_and_a_plain_name_stay_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    // Names without a handle's shape given after a platform: the dot spelled, a business searched for on a place, "I am"
    // and a business's name, a name with a number ("als jonas.77"), a page named in German and Hinglish word order.
    [Theory]
    [InlineData("my insta is rosa dot tiles77, all the photos are there")]
    [InlineData("telegram pe naam hai ravi underscore electric")]
    [InlineData("look up Google for Ferreira Roofing Leeds, we're the first result")]
    [InlineData("busca en Facebook por Pinturas Ortega Quito y me escribes")]
    [InlineData("no Instagram eu sou Marcenaria Bento e Filhos, chama lá")]
    [InlineData("on TikTok I'm Rivera Tiles and Grout, check the videos")]
    [InlineData("auf Instagram bin ich Fliesen Kaya Essen, schreib mir da")]
    [InlineData("sur Snap je suis Plomberie Lemoine, écris-moi")]
    [InlineData("bin auf Telegram als jonas.77, schreib mir dort")]
    [InlineData("Viber pe deepak.s.88 naam se milunga")]
    [InlineData("schau mal auf die Instagram-Seite Gartenbau Ritter Hamm")]
    [InlineData("Instagram pe Verma Tutorials Patna naam ka channel hai")]
    public void Names_given_after_a_platform_are_handles(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.SocialHandle);

    [Theory]
    [InlineData("I saw your reviews on Google, I'm Laura Mendes, the one with the leaking boiler")]
    [InlineData("my Facebook is private, sorry, the photos are in the app")]
    [InlineData("no Instagram vi o trabalho, sou a Maria, a dona do apartamento")]
    [InlineData("the signal here is weak, I'm in the basement of Block B")]
    [InlineData("I found you on Google, the section 4.2 of the manual says to bleed it")]
    public void A_platform_and_who_is_writing_stay_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
}
