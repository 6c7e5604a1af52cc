using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Scanning;

public sealed class PhoneDetectionTests
{
    private readonly ContactScanner scanner = new();

    [Theory]
    [InlineData("Call me at (555) 010-0199 tomorrow", "(555) 010-0199")]
    [InlineData("my number is 555.010.0177", "555.010.0177")]
    [InlineData("You can reach me on 5550100163 anytime", "5550100163")]
    [InlineData("Call me: +1 555 010 0123", "+1 555 010 0123")]
    [InlineData("call me on 555 0100 when you land", "555 0100")]
    [InlineData("my whatsapp is +44 7911 123456", "+44 7911 123456")]
    [InlineData("00 44 7911 123456 is my UK mobile", "00 44 7911 123456")]
    [InlineData("ring my mobile 07911 123456 instead", "07911 123456")]
    [InlineData("Llámame al 612 345 678 y lo vemos", "612 345 678")]
    [InlineData("Mi cel es 55 1234 5678", "55 1234 5678")]
    [InlineData("mándame un whatsapp al +34 612 34 56 78", "+34 612 34 56 78")]
    [InlineData("mi teléfono es el 91 123 45 67", "91 123 45 67")]
    [InlineData("+52 1 55 1234 5678 es mi whats", "+52 1 55 1234 5678")]
    public void Written_phone_numbers_are_found_as_written(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Phone, finding.Kind);
        Assert.Equal(expected, finding.Text);
        Assert.Equal(expected, message.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("my number is five five five zero one zero zero one nine nine", "five five five zero one zero zero one nine nine")]
    [InlineData("text me at five five five, zero one zero, zero one nine eight", "five five five, zero one zero, zero one nine eight")]
    [InlineData("my digits: five five five oh one hundred", "five five five oh one hundred")]
    [InlineData("my number: five-five-five, zero-one-zero-zero, one-two-one", "five-five-five, zero-one-zero-zero, one-two-one")]
    [InlineData("the number is 555 zero one zero zero one five five", "555 zero one zero zero one five five")]
    [InlineData("cinco cinco cinco cero uno cero cero", "cinco cinco cinco cero uno cero cero")]
    [InlineData("seis doce, treinta y cuatro, cincuenta y seis, setenta y ocho", "seis doce, treinta y cuatro, cincuenta y seis, setenta y ocho")]
    [InlineData("seiscientos doce, trescientos cuarenta y cinco, seiscientos setenta y ocho", "seiscientos doce, trescientos cuarenta y cinco, seiscientos setenta y ocho")]
    [InlineData("mi móvil: seis, doble uno, dos, tres, cuatro, cinco, seis, siete", "seis, doble uno, dos, tres, cuatro, cinco, seis, siete")]
    public void Spelled_out_digits_in_English_and_Spanish_are_a_phone(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Phone, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }

    [Theory]
    [InlineData("555-O1OO-l5l, call after 6", "555-O1OO-l5l")]
    [InlineData("escríbeme al 6l2 345 67O", "6l2 345 67O")]
    [InlineData("Number is ５５５-０１０-０１５６", "５５５-０１０-０１５６")]
    [InlineData("Text me 5️⃣5️⃣5️⃣0️⃣1️⃣0️⃣0️⃣1️⃣3️⃣2️⃣ tonight", "5️⃣5️⃣5️⃣0️⃣1️⃣0️⃣0️⃣1️⃣3️⃣2️⃣")]
    [InlineData("𝟓𝟓𝟓 𝟎𝟏𝟎 𝟎𝟏𝟗𝟑 text me there", "𝟓𝟓𝟓 𝟎𝟏𝟎 𝟎𝟏𝟗𝟑")]
    [InlineData("call 555\u200B010\u200B0199", "555\u200B010\u200B0199")]
    [InlineData("Save this: 5 5 5 0 1 0 0 1 4 4", "5 5 5 0 1 0 0 1 4 4")]
    [InlineData("mi número es el 6 1 2, 3 4 5, 6 7 8", "6 1 2, 3 4 5, 6 7 8")]
    [InlineData("tel. 555/010/0150", "555/010/0150")]
    [InlineData("the number's 555-010-01five2", "555-010-01five2")]
    public void Disguised_digits_are_a_phone(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Phone, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }

    [Theory]
    [InlineData("call 555 then 0100 then 99", "555 then 0100 then 99")]
    [InlineData("hit me up at 555 010 and then 0166", "555 010 and then 0166")]
    [InlineData("llama al 612 y luego 345 678", "612 y luego 345 678")]
    [InlineData("Number ends 0199, starts with 555 010", "0199, starts with 555 010")]
    [InlineData("mi número termina en 678 y empieza por 612 345", "678 y empieza por 612 345")]
    public void A_number_split_over_a_few_words_is_a_phone(string message, string expected)
    {
        var finding = Assert.Single(scanner.Scan(message, ContentPolicy.Default).Findings);

        Assert.Equal(ViolationKind.Phone, finding.Kind);
        Assert.Equal(expected, finding.Text);
    }

    [Fact]
    public void Two_numbers_in_one_run_are_two_findings()
    {
        var result = scanner.Scan("5550100199 5550100200", ContentPolicy.Default);

        Assert.Equal(["5550100199", "5550100200"], result.Findings.Select(f => f.Text));
    }

    // Numbers split on purpose: a colon between long groups, the word for the dot, digits one by one in parts ending
    // "in" the last, an area code and "the rest", seven digits given as the sender's own, a courtesy "po".
    [Theory]
    [InlineData("0176:4432:8819 ist meine Nummer")]
    [InlineData("612 punto 345 punto 678, llámame")]
    [InlineData("it starts 4 1 5, then 5 5 5, and ends in 0 1 3 8")]
    [InlineData("o prefixo é 021, o resto te mando já: 98 76 54 3")]
    [InlineData("the area code is 0161, the rest I'll send in a sec: 49 66 21")]
    [InlineData("my number in Reykjavik is 581 2345")]
    [InlineData("call me po 0918 222 4567 after lunch")]
    [InlineData("mera number pehle 98111 fir 22334")]
    public void Numbers_split_or_given_locally_are_phones(string message) =>
        Assert.Contains(scanner.Scan(message, ContentPolicy.Default).Findings, f => f.Kind == ViolationKind.Phone);

    [Theory]
    [InlineData("the slots are 09:30 and 14:45, pick one")]
    [InlineData("PO 4471 2290 is on the delivery note")]
    [InlineData("the pressure went from 1 point 5 to 2 bar")]
    [InlineData("my flat has 3 rooms and the door code is 4471")]
    public void Times_orders_and_decimals_stay_clean(string message) =>
        Assert.True(scanner.Scan(message, ContentPolicy.Default).IsClean);

    [Fact]
    public void Provider_reply_with_phone_number_is_redacted()
    {
        var result = scanner.Scan("Sure, easier to call me at 555-010-0142 and we sort it out", ContentPolicy.Default);

        Assert.Equal(ScanVerdict.Redacted, result.Verdict);
        Assert.Equal("Sure, easier to call me at [phone removed] and we sort it out", result.DeliveredText);
        Assert.Equal(
            "Your message was sent with a phone number removed: contact details are shared only through the platform.",
            result.SenderNotice);
    }
}
