using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

/// <summary>The numbers of an ordinary job chat must reach the other side exactly as written.</summary>
public sealed class InnocentTextTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("The quote is $120 for the labour")]
    [InlineData("It comes to 85 euros with the part")]
    [InlineData("Son 1.500 pesos la visita")]
    [InlineData("Total came to $1,250 including the new valve")]
    [InlineData("Price is $2,499.99 installed")]
    [InlineData("El precio es de 3.500.000 COP con materiales")]
    [InlineData("El año pasado pagamos 1.200 € por la reforma")]
    [InlineData("Son 2.500 MXN por la instalación")]
    [InlineData("It was £450 last time")]
    public void Prices_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("I can be there at 10:30")]
    [InlineData("How about 3pm?")]
    [InlineData("¿Te viene bien a las 18h?")]
    [InlineData("10.30-11.30 works for me")]
    [InlineData("From 8.30 to 10.30 I'm in a meeting")]
    [InlineData("Quedamos entre las 16:00 y las 17:30")]
    [InlineData("I'll be at the site 7-3:30 tomorrow")]
    public void Times_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("Can you come on 12/05/2026?")]
    [InlineData("How about May 3rd?")]
    [InlineData("Last time you came on 2025-11-03 at 14:00")]
    [InlineData("Nos vemos el 12.05.2026")]
    [InlineData("We need it done by 06/15, the buyers move in on 06/20")]
    [InlineData("Between 2015-2020 we had no issues with it")]
    [InlineData("The house was built in 1987")]
    public void Dates_and_years_pass_unchanged(string message) => AssertClean(message);

    // The date and the hour spelled after it ("um" is also Portuguese for one) never add up to a phone number.
    [Theory]
    [InlineData("geht es am 03.12.2026 um zehn?")]
    [InlineData("wir kommen am 2026-12-03 um halb neun")]
    [InlineData("on 12/03/2026 at nine thirty if that suits")]
    [InlineData("le 03/12/2026 à neuf heures trente")]
    [InlineData("dia 03.12.2026 às nove e meia")]
    [InlineData("el 03-12-2026 a las nueve y cuarto")]
    public void A_date_followed_by_an_hour_in_words_passes_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("I need 2 taps and 3 pipes replaced")]
    [InlineData("Necesito 2 grifos y 3 tubos")]
    [InlineData("The outlets on circuits 14, 16 and 18 are dead")]
    [InlineData("Son 3 enchufes, 2 interruptores y 1 lámpara")]
    [InlineData("Chapter 12, exercises 3 to 17")]
    public void Quantities_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("Address is 221B Baker Street, flat 2")]
    [InlineData("La dirección es Calle Mayor 15, 3º B")]
    [InlineData("Calle de Alcalá 123, 4º izda, 28009 Madrid")]
    [InlineData("Calle Mayor 15, 28013 Madrid")]
    [InlineData("I'm at 1420 Oak Street, Springfield 62704")]
    [InlineData("Mi dirección: Av. Insurgentes Sur 1602, piso 4, CDMX 03940")]
    [InlineData("Calle 45 # 23-15, Bogotá, apartamento 502")]
    [InlineData("It's flat 3, 2nd floor, 14 Elm Road, NW3 5JH")]
    public void Street_addresses_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("Postcode is SW1A 1AA")]
    [InlineData("Código postal 28013")]
    [InlineData("Our zip is 90210")]
    [InlineData("We cover zip codes 90210 90211 and 90212")]
    [InlineData("Cubrimos 28013 28014 y 28015")]
    public void Postcodes_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("Door code is 4821# and the lift is on the left")]
    [InlineData("El código del portal es 4821#")]
    [InlineData("The code for the lockbox is 0412")]
    [InlineData("El código de la alarma es 1 2 3 4")]
    public void Door_codes_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("This is about job #42 from last week")]
    [InlineData("My order number is 100234")]
    [InlineData("Ticket 5567 is still open")]
    [InlineData("Order #100234567 shipped this morning")]
    [InlineData("order number 5550100199")]
    [InlineData("Invoice 2026-00451 was paid")]
    [InlineData("Reference INV-2026-0512-33 on the app receipt")]
    [InlineData("The serial is 4471 2208 1934 on the sticker")]
    [InlineData("Policy number 7781 2290 11 for the claim")]
    [InlineData("Part number 3701-2245-09, the old one cracked")]
    [InlineData("The gas meter number is 12 345 678")]
    [InlineData("Es sobre el pedido 100234")]
    [InlineData("Tengo la factura 2026/0457 por si hace falta")]
    [InlineData("La referencia de la pieza es 0 414 720 214")]
    [InlineData("The tracking number is 1Z999AA10123456784")]
    public void Order_job_and_reference_numbers_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("The pipe under the sink is 15mm copper")]
    [InlineData("The ceiling is about 2.5 m high")]
    [InlineData("You'll need a 1/2 inch adapter")]
    [InlineData("Measurements: 120 x 60 x 45 cm")]
    [InlineData("The new tank holds 1,000 litres")]
    [InlineData("El contador marca 45.678 kWh")]
    [InlineData("The water meter reads 004512 m3")]
    [InlineData("Can you bring a 3/4\" fitting? The old one is 22 mm")]
    public void Measurements_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("The model number on the fridge is RF28R7201SR")]
    [InlineData("The dishwasher model is SMS46KI01E")]
    [InlineData("The router is a Netgear R7000")]
    [InlineData("She scored 78% on the last test, we want 90%")]
    [InlineData("The deposit was 30% of 1,200")]
    public void Model_numbers_and_percentages_pass_unchanged(string message) => AssertClean(message);

    [Theory]
    [InlineData("Call me when you're outside and I'll come down")]
    [InlineData("Llámame cuando estés abajo y bajo")]
    [InlineData("I'm at the front door")]
    [InlineData("Look at the photo I sent")]
    [InlineData("I'll be there @ 5")]
    [InlineData("See you @3pm")]
    [InlineData("My signal is terrible in the basement")]
    [InlineData("My instagram is private so I'm sending the video here")]
    [InlineData("Te mando las fotos por WhatsApp aquí mismo")]
    [InlineData("Llego a las 5 en punto")]
    [InlineData("Entre nosotros dos lo subimos sin problema")]
    [InlineData("¿Lo pintamos por fuera también?")]
    [InlineData("I paid the deposit through the app already")]
    [InlineData("Done.Thanks for waiting")]
    [InlineData("Listo.es la puerta azul de la izquierda")]
    public void Everyday_phrases_near_the_patterns_pass_unchanged(string message) => AssertClean(message);

    // A reference word reaches its number past the paper it is on, where it was issued, a code or a "n°"; contract,
    // warranty, request, complaint, part and utility words are references; a ZIP+4 after its state is a postcode.
    [Theory]
    [InlineData("job sheet no. 0412 338 907 for the warranty")]
    [InlineData("el folio de la garantía es 55 1845 7720")]
    [InlineData("el CUPS es ES 0031 4050 1234 5678 JN")]
    [InlineData("o número do pedido na Leroy é 98174 42201")]
    [InlineData("protocolo da reclamação 2027 0098 1145")]
    [InlineData("numéro de contrat d'entretien : 07-5841-2960")]
    [InlineData("lave-linge fabriqué 11/2021, n° 00/128 447 603")]
    [InlineData("la référence de la pièce Bosch 00/611 324 est introuvable")]
    [InlineData("Zählernummer 1ESY 1160 4478 21")]
    [InlineData("Nr. 4455 6677 8899 auf dem Typenschild")]
    [InlineData("service request number 98104 72216 hai")]
    [InlineData("bijli ka CA number 1500 4478 2931 hai")]
    [InlineData("Portland OR 97205-1234, second floor")]
    [InlineData("we're at 1401 Elm Street Apt 6C, Dallas TX 75202-3314")]
    [InlineData("the case number from the council is 0206 3344 55")]
    [InlineData("mi contrato de Iberdrola tiene el número 6123 4567 89")]
    [InlineData("meter reading was 0450 2231 last month")]
    [InlineData("NHS number 485 777 3456 for the care home visit")]
    [InlineData("gas connection number 7788 9900 11 hai")]
    [InlineData("electricity bill ka K number 2101 3345 6678 hai")]
    [InlineData("la referencia catastral es 9872023 VH5797S 0001 WX")]
    public void References_behind_their_paper_issuer_or_label_pass_unchanged(string message) => AssertClean(message);

    // Finding a business on a search engine, or paying through the app, is no invitation.
    [Theory]
    [InlineData("I found you on Google, great reviews")]
    [InlineData("te encontré en Google Maps, tienes buenas reseñas")]
    [InlineData("hab Sie über Google gefunden, tolle Bewertungen")]
    [InlineData("aapko Google pe dekha, reviews achhe the")]
    [InlineData("saath mein paanch saal ka experience hai")]
    [InlineData("Is Google Pay accepted in the app?")]
    [InlineData("¿se puede pagar con Bizum en la app?")]
    [InlineData("dá pra pagar com PIX pelo aplicativo?")]
    [InlineData("on peut payer avec PayPal dans l'appli ?")]
    [InlineData("geht auch PayPal in der App?")]
    [InlineData("Paytm app mein chalega?")]
    [InlineData("my page on Facebook is private")]
    public void Search_engines_and_app_mentions_that_invite_nobody_pass_unchanged(string message) => AssertClean(message);

    // Codes shaped like an IBAN that fail its checksum, tax ids, work orders, supply points, abbreviated references.
    [Theory]
    [InlineData("el CUPS del gas es ES0230901234567890AB, está en la factura")]
    [InlineData("Amazon order id AZ9988776655443322 arrives tomorrow")]
    [InlineData("la factura va con el NIT 900.123.456-7 de la empresa")]
    [InlineData("orden de trabajo 33 4410 2291 para la caldera")]
    [InlineData("a NF-e 000.552.118 já saiu, está no PDF")]
    [InlineData("o CPE é PT 0002 0000 1122 3344 AB, está na fatura")]
    [InlineData("le PDL pour la mise en service : 1422 6615 0033 27")]
    [InlineData("Steuer-Nr. DE 312 556 778 steht im Angebot")]
    [InlineData("die Seriennummer auf dem Geräteschild: 4410 2291 3347 12")]
    public void Codes_tax_ids_and_abbreviated_references_pass_unchanged(string message) => AssertClean(message);

    private void AssertClean(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.True(result.IsClean, $"Found: {string.Join(", ", result.Findings.Select(f => $"{f.Kind} '{f.Text}'"))}");
        Assert.Equal(message, result.DeliveredText);
        Assert.Empty(result.Findings);
        Assert.Null(result.SenderNotice);
    }

    // References reaching their number past an upper-case code ("policy no. KL …", "Nr. 2 ITR 00 …"), German compounds
    // ending in a reference ("Gaszähler"), waybills, vehicle papers, appointments, "réf." and what a batch is of.
    [Theory]
    [InlineData("policy no. KL 4471 2290 53, it covers the boiler too")]
    [InlineData("la guía de Servientrega es 7104 5582 3390, llega mañana")]
    [InlineData("cita nº 12/2026/4417 para la revisión del coche")]
    [InlineData("o lote do verniz é 4472-19, compra igual")]
    [InlineData("renavam da moto: 00987654321, é para o seguro")]
    [InlineData("réf. 550093718264 pour la pompe de vidange")]
    [InlineData("Gaszähler Nr. 2 ITR 00 5512 8830, hinten im Flur")]
    [InlineData("batch no. QX 8812 4471 09 printed on the tin")]
    [InlineData("Aktenzeichen 7 O 1193/25, das Gericht schreibt noch")]
    public void References_past_codes_and_what_they_belong_to_stay_clean(string message)
    {
        var result = scanner.Scan(message, ContentPolicy.Default);

        Assert.True(result.IsClean, $"Found: {string.Join(", ", result.Findings.Select(f => $"{f.Kind} '{f.Text}'"))}");
    }
}
