using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>Phone numbers in other countries' formats, spelled in six languages, split and disguised.</summary>
public sealed class MultilingualPhoneTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("my mobile is 07911 123456")]
    [InlineData("ruf an: 0160 9876543")]
    [InlineData("Handy 0157/2345678")]
    [InlineData("erreichbar unter 0650 987 6543")]
    [InlineData("call 0722 123456")]
    [InlineData("my line 0806*555*1212")]
    [InlineData("meu celular (11) 97629-4572")]
    [InlineData("mera number 98077 97032 hai")]
    [InlineData("mon portable 06 12 34 56 78")]
    [InlineData("ring me on 07700 912 345 after six")]
    [InlineData("meine Nummer 0171 4567890, ab 17 Uhr")]
    [InlineData("Handy: 0176-23456789")]
    [InlineData("bin unter 0664 123 45 67 erreichbar")]
    [InlineData("call me 0733 456789 when you reach the gate")]
    [InlineData("my line na 0803 123 4567")]
    [InlineData("0812.345.6789 na my number")]
    public void National_formats_of_other_countries_are_phones(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    [Theory]
    [InlineData("null eins sechs null neun acht sieben sechs fünf vier drei")]
    [InlineData("dreiundzwanzig null eins sechs null vierundvierzig zwölf")]
    [InlineData("zéro six quatre-vingt-douze soixante et onze trente-quatre douze")]
    [InlineData("vinte e dois treze doze trinta e quatro nove")]
    [InlineData("saat chhe paanch ek do teen char nau aath")]
    [InlineData("notier 016 null fünf eins 651 sechs zwei")]
    [InlineData("0176 Leerzeichen 2578 Leerzeichen 9746")]
    [InlineData("première partie 063 deuxième partie 543 et 1410")]
    [InlineData("815 phir 787 phir 3185")]
    [InlineData("easier if you text O83ZS7S439")]
    [InlineData("quatre-vingt-dix-neuf soixante-dix-sept vingt et un zéro six quarante")]
    [InlineData("nau aath saat, chhe paanch char, teen do ek shunya")]
    [InlineData("0 one 7 six 2 three 4 five 6 seven")]
    [InlineData("07911_123_456 is the one")]
    [InlineData("0176 (space) 2578 (space) 9746")]
    [InlineData("the first part is 0176 and the second part 2578 9746")]
    [InlineData("text me O1S7 B9Z 34S6")]
    [InlineData("nau aath sat chhe paanch chaar teen do ek")]
    [InlineData("a primeira parte é 11 98765, a segunda 4321")]
    public void Spelled_split_and_disguised_numbers_are_phones(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    // A number handed over in pieces around words, in a message that talks about phoning in its own language.
    [Theory]
    [InlineData("meine Nummer fängt mit 0171 an, dann kommt 456 78 90")]
    [InlineData("mon numéro commence par 06 12, puis ça fait 345 678")]
    [InlineData("me liga, começa com 21 98, o resto é 765 4321")]
    public void A_number_in_pieces_is_found_in_every_language(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    /// <summary>
    /// The number read is exactly the one spelled: the scan finds the whole message as a phone, and the same message is
    /// clean once exactly those digits are the platform's own.
    /// </summary>
    [Theory]
    [InlineData("null einhundertzweiundsiebzig, neunundachtzig, fünfundvierzig, zwölf", "0172894512")]
    [InlineData("null hundertsechzig dreiundvierzig einundzwanzig siebenundachtzig", "0160432187")]
    [InlineData("nove oito sete, cento e doze, trinta e quatro, cinquenta e seis", "9871123456")]
    [InlineData("novecentos e trinta e quatro, duzentos e doze, oitenta e um", "93421281")]
    [InlineData("saat sau baarah, teen sau chaalis, chhappan", "71234056")]
    [InlineData("zéro six, deux cent douze, trois cent quarante, cinquante-six", "0621234056")]
    [InlineData("seven hundred twelve, three four five, six seven eight nine", "7123456789")]
    public void Hundreds_written_as_words_are_read_whole(string message, string digits)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Phone, finding.Kind);
        Assert.Equal(message, finding.Text);
        Assert.True(scanner.Scan(message, ContentPolicy.Default with { Allowlist = ["+99" + digits] }).IsClean);
    }

    [Theory]
    [InlineData("Bestellnummer 0160987654")]
    [InlineData("policy 0160 9876543 covers the leak")]
    [InlineData("numéro de commande 0612345678")]
    [InlineData("CEP 01310-100, São Paulo")]
    [InlineData("CPF para a nota: 123.456.789-09")]
    [InlineData("número do sinistro 518 379 620 da seguradora")]
    [InlineData("tracking 1Z999AA10123456784")]
    [InlineData("consumer number 2858686664 bijli bill pe")]
    [InlineData("ruf die Hotline an, Vorgang 4455 1122 und Kunde 998877")]
    [InlineData("abri o chamado 5678 9012 no suporte")]
    [InlineData("incidencia 4455 1122 abierta con el técnico")]
    [InlineData("case 4455 1122 with the manufacturer")]
    [InlineData("the serial is S/N 4455 6677 8899")]
    [InlineData("das Ersatzteil 11 0042 1234 ist bestellt")]
    [InlineData("EAN 4006381333931 on the box")]
    [InlineData("IMEI 356938035643809 of the old phone")]
    public void Context_words_make_long_numbers_references(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    [Fact]
    public void The_senders_country_is_read_first()
    {
        const string message = "call me 20123456";

        Assert.True(scanner.Scan(message, ContentPolicy.Default, null).IsClean);
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default, ScannerRegions.RegionOf("+4520123456")).Findings, f => f.Kind == ViolationKind.Phone);
        Assert.Equal("DK", ScannerRegions.RegionOf("4520123456"));
    }

    [Fact]
    public void Configured_regions_are_read_after_the_senders()
    {
        var danish = new ContactScanner(IntentLexicon.Default, new ScannerRegions(["dk"]));

        Assert.Contains(danish.Scan("call me 20123456", ContentPolicy.Default, null).Findings, f => f.Kind == ViolationKind.Phone);
    }

    [Fact]
    public void An_unknown_region_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ScannerRegions(["XX"]));

    [Fact]
    public void The_platforms_own_number_is_never_a_finding()
    {
        var policy = ContentPolicy.Default with { Allowlist = ["+447911123456"] };

        Assert.True(scanner.Scan("call us on 07911 123456", policy).IsClean);
    }

    // Hindi has a word for every number below a hundred: "athanve" 98, "chauntis" 34, "bahattar" 72.
    [Theory]
    [InlineData("number hai athanve, ikkis, pachpan, chauntis, sattar")]
    [InlineData("mera number nau aath, chauntis, chhappan, ikyavan, athasi")]
    [InlineData("number likho: nau paanch, bahattar, tirsath, pachpan, unnis")]
    public void Hindi_number_words_below_a_hundred_make_a_phone(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    // Hindi number words as people hear them: "baees" 22, "unnees" 19, "chauraasi" 84, "chhiyaasi" 86.
    [Theory]
    [InlineData("number likho: nau aath, baees, chauraasi, unnees, saat")]
    [InlineData("mera mobile chhe, chhiyaasi, pachhattar, baees, teen, ek")]
    public void Hindi_number_words_in_other_spellings_make_a_phone(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    // Mobiles of more countries, in their national format.
    [Theory]
    [InlineData("Irish mobile 083 456 7812 if you need me")]
    [InlineData("NZ cell 022 345 6789 text anytime")]
    [InlineData("mi cel en Perú 987 654 321")]
    [InlineData("mi número argentino 11 15 4567 8901")]
    [InlineData("meu número em Portugal 912 345 678")]
    [InlineData("mon numéro belge 0470 12 34 56")]
    [InlineData("au Maroc c'est le 06 61 23 45 67")]
    [InlineData("Handy Schweiz 076 543 21 09")]
    [InlineData("Ghana line 024 456 7890 call me")]
    [InlineData("Philippines 0917 123 4567 text me")]
    [InlineData("my Pakistani number 0300 1234567")]
    [InlineData("appelle-moi au n° 06 12 34 56 78")]
    [InlineData("ruf an, Nr. 0176 2345 678")]
    public void Mobiles_of_more_countries_are_phones(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    // Digits given by how often they repeat ("dreimal die Sieben", "teen baar 9") or as a run of Roman numerals, spaced
    // letters closed up included ("V V I"), or with a German zero glued on ("nullsechshundertsechzig"); a few Roman
    // numerals or a count of things stay clean.
    [Theory]
    [InlineData("0 VII IX III, V V I, IV VIII VI II")]
    [InlineData("VII IX III, V V I, IV VIII VI II")]
    [InlineData("call 0 7 9 3, 5 5 1, 4 8 6 2")]
    [InlineData("mon portable en chiffres romains: 0 VI, III III, VIII I, IX IV, II VII")]
    [InlineData("numerales: III IV, 0 IX, V VII, I II VIII, VI")]
    [InlineData("dreimal die Sieben und dann 0176 44")]
    [InlineData("teen baar 9, phir 8 7, phir 0 12 34 call karo")]
    [InlineData("ruf an: nullsechshundertsechzig 81 47 392")]
    [InlineData("meine Nummer ist nulleinhundertzweiundsiebzig 55 38 120")]
    public void Repeated_and_roman_digits_are_phones(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    [Theory]
    [InlineData("Louis XIV furniture, the chapter IV and V of the manual say it")]
    [InlineData("I did it 3 times the 4 walls in the kitchen, I think")]
    [InlineData("dreimal die Woche komme ich, 3 mal 4 Meter Fliesen")]
    [InlineData("apartment VI, block II, floor III, see you at 5")]
    public void Counts_and_a_few_roman_numerals_stay_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);
}
