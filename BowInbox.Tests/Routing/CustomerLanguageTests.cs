using BowInbox.Core.Intake;
using BowInbox.Core.Routing;
using BowInbox.Web.Languages;

namespace BowInbox.Tests.Routing;

public sealed class CustomerLanguageTests
{
    [Theory]
    [InlineData("hola", null, "es")]
    [InlineData("olá, preciso de um encanador", null, "pt")]
    [InlineData("hello, my sink is leaking", "es", "en")]
    [InlineData("ok", "pt", "pt")]
    [InlineData("ok", null, "en")]
    public void Language_comes_from_the_words_with_the_country_as_the_hint(string text, string? hint, string expected)
        => Assert.Equal(expected, CustomerLanguage.Detect([text], hint));

    [Theory]
    [InlineData("5215512345678", "es")]
    [InlineData("5511987654321", "pt")]
    [InlineData("MX.8817204519930047712", "es")]
    [InlineData("15557000001", null)]
    [InlineData("not a number", null)]
    public void Country_of_a_number_or_user_id_hints_at_the_language(string address, string? expected)
        => Assert.Equal(expected, CustomerLanguage.HintFrom(address));

    [Fact]
    public void Every_built_in_language_has_every_English_text()
    {
        var english = CustomerTexts.BuiltIn;
        foreach (var language in CustomerLanguage.BuiltIn)
        {
            Assert.All(new[] { "acknowledgement", "ask.service", "ask.area", "ask.urgency", "still-on-it", "who-is-coming", "who-is-coming.relay", "thanks" },
                key => Assert.NotNull(english.Find(language, key)));
        }

        Assert.Equal("Hola Maria, ¡gracias por tu mensaje! Tu solicitud es la #7; estamos buscando al profesional adecuado para ti.",
            english.Get("es", "acknowledgement", ("firstName", "Maria"), ("ticket", "7")));
    }

    [Fact]
    public void A_marketplace_file_adds_a_language_and_missing_keys_fall_back_to_English()
    {
        var folder = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(folder.FullName, "fr.json"), """{ "ask.urgency": "C'est urgent ?" }""");
        File.WriteAllText(Path.Combine(folder.FullName, "es.json"), """{ "ask.urgency": "¿Es urgente?" }""");

        var texts = CustomerLanguagesSetup.Load(CustomerTexts.BuiltIn, folder.FullName);

        Assert.Equal("C'est urgent ?", texts.Get("fr", "ask.urgency"));
        Assert.Equal("Choose a service", texts.Get("fr", "ask.service.button"));
        Assert.Equal("¿Es urgente?", texts.Get("es", "ask.urgency"));
        File.WriteAllText(Path.Combine(folder.FullName, "de.json"), "[1, 2]");
        Assert.Contains("de.json", Assert.Throws<InvalidOperationException>(() => CustomerLanguagesSetup.Load(CustomerTexts.BuiltIn, folder.FullName)).Message);
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("the air conditioner stopped working", "hvac")]
    [InlineData("me quedé fuera, necesito un cerrajero", "locksmith")]
    [InlineData("a geladeira não gela", "appliance repair")]
    [InlineData("tenemos cucarachas en la cocina", "pest control")]
    [InlineData("preciso de faxina no sábado", "cleaning")]
    [InlineData("can someone assemble my furniture", "handyman")]
    [InlineData("clases de matemáticas para mi hijo", "math tutoring")]
    [InlineData("vazamento na pia", "plumbing")]
    public void Default_rules_cover_the_common_trades_and_tutoring_in_three_languages(string text, string service)
        => Assert.Equal(service, Qualifier.Qualify([text], null, QualificationRules.Default).ServiceType);

    [Theory]
    [InlineData("Esta semana", UrgencyAnswer.ThisWeek)]
    [InlineData("Hoje", UrgencyAnswer.Today)]
    [InlineData("Emergency", UrgencyAnswer.Emergency)]
    public void Urgency_answers_are_read_in_every_language(string answer, UrgencyAnswer expected)
        => Assert.Equal(expected, IntakeQuestions.ReadUrgency([answer], CustomerTexts.BuiltIn));
}
