using System.Text.Json;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;

namespace BowInbox.Tests.Routing;

public sealed class QualifierTests
{
    private static readonly QualificationRules Rules = QualificationRules.Default;

    private static Qualification Qualify(params string[] texts) => Qualifier.Qualify(texts, null, Rules);

    [Theory]
    [InlineData("There's a leak under my sink", "plumbing", "plumbing from 'leak'")]
    [InlineData("The toilet is CLOGGED again", "plumbing", "plumbing from 'toilet'")]
    [InlineData("My water heater stopped working", "plumbing", "plumbing from 'water heater'")]
    [InlineData("The socket in the kitchen is dead", "electrical", "electrical from 'socket'")]
    [InlineData("Need an electrician for new wiring", "electrical", "electrical from 'electrician'")]
    [InlineData("Tengo una fuga en la tubería", "plumbing", "plumbing from 'fuga'")]
    [InlineData("TUBERIA rota en el baño", "plumbing", "plumbing from 'tubería'")]
    [InlineData("el desague está tapado", "plumbing", "plumbing from 'desagüe'")]
    [InlineData("No hay luz en la cocina", "electrical", "electrical from 'luz'")]
    [InlineData("El enchufe echa chispas", "electrical", "electrical from 'enchufe'")]
    [InlineData("Se me rompió la llave del lavabo", "plumbing", "plumbing from 'lavabo'")]
    [InlineData("Perdí las llaves de casa", "locksmith", "locksmith from 'perdí las llaves'")]
    public void Service_comes_from_keywords_in_any_case_language_or_accent(string text, string service, string reason)
    {
        var result = Qualify(text);

        Assert.Equal(service, result.ServiceType);
        Assert.Equal(reason, result.Reasons[0]);
    }

    [Theory]
    [InlineData("I bought a tapestry and a powerful blender")]
    [InlineData("The pipeline of orders is slow")]
    [InlineData("Hello, is anyone there?")]
    public void Keywords_match_whole_words_only(string text)
    {
        var result = Qualify(text);

        Assert.Null(result.ServiceType);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void The_service_with_most_matching_words_wins()
    {
        var result = Qualify("The sink is fine but the light switch and the socket are dead");

        Assert.Equal("electrical", result.ServiceType);
        Assert.Equal("electrical from 'light'", result.Reasons[0]);
    }

    [Theory]
    [InlineData("the sink and the light", "plumbing")]
    [InlineData("the light and the sink", "electrical")]
    public void On_equal_matches_the_service_mentioned_first_wins(string text, string service) =>
        Assert.Equal(service, Qualify(text).ServiceType);

    [Fact]
    public void Every_message_of_the_conversation_counts()
    {
        var result = Qualify("Hi", "my toilet is clogged", "I'm downtown");

        Assert.Equal("plumbing", result.ServiceType);
        Assert.Equal("downtown", result.Area);
        Assert.Equal(["plumbing from 'toilet'", "downtown from 'downtown'"], result.Reasons);
    }

    [Fact]
    public void A_phrase_does_not_match_across_two_messages()
    {
        var result = Qualify("please come right", "now the tap drips");

        Assert.Equal(Urgency.Normal, result.Urgency);
    }

    [Theory]
    [InlineData("I'm at 5th and Main", "downtown", "downtown from '5th and main'")]
    [InlineData("near the city centre", "downtown", "downtown from 'city centre'")]
    [InlineData("Estoy en el centro", "downtown", "downtown from 'centro'")]
    [InlineData("North side, by the park", "uptown", "uptown from 'north side'")]
    [InlineData("vivo en la zona norte", "uptown", "uptown from 'norte'")]
    public void Area_comes_from_place_words(string text, string area, string reason)
    {
        var result = Qualify(text);

        Assert.Equal(area, result.Area);
        Assert.Equal([reason], result.Reasons);
    }

    [Theory]
    [InlineData(40.7150, -74.0000, "downtown")]
    [InlineData(40.7900, -73.9700, "uptown")]
    [InlineData(40.7128 - 0.0261, -74.0060, "downtown")]
    public void A_shared_location_inside_an_area_circle_sets_the_area(double lat, double lon, string area)
    {
        var result = Qualifier.Qualify(["my tap is leaking"], (lat, lon), Rules);

        Assert.Equal(area, result.Area);
        Assert.Equal(["plumbing from 'tap'", $"{area} from location"], result.Reasons);
    }

    [Fact]
    public void A_shared_location_wins_over_place_words()
    {
        var result = Qualifier.Qualify(["I'm uptown today"], (40.7150, -74.0000), Rules);

        Assert.Equal("downtown", result.Area);
        Assert.Equal(["downtown from location"], result.Reasons);
    }

    [Fact]
    public void A_location_just_outside_the_radius_sets_no_area()
    {
        // 3.1 km south of the downtown centre; its radius is 3 km.
        var result = Qualifier.Qualify(["burst pipe"], (40.7128 - 0.0279, -74.0060), Rules);

        Assert.Null(result.Area);
        Assert.Equal(["plumbing from 'burst'", "location outside every area"], result.Reasons);
    }

    [Fact]
    public void Outside_every_circle_place_words_still_count()
    {
        var result = Qualifier.Qualify(["I work downtown"], (40.6500, -73.9500), Rules);

        Assert.Equal("downtown", result.Area);
        Assert.Equal(["location outside every area", "downtown from 'downtown'"], result.Reasons);
    }

    [Theory]
    [InlineData("Water everywhere, please come ASAP", "urgent from 'water everywhere'")]
    [InlineData("The basement is flooding", "urgent from 'flooding'")]
    [InlineData("sparks coming from the outlet", "urgent from 'sparks'")]
    [InlineData("¡Es una emergencia!", "urgent from 'emergencia'")]
    [InlineData("INUNDACION en la cocina", "urgent from 'inundación'")]
    public void Urgency_words_make_the_ticket_urgent(string text, string reason)
    {
        var result = Qualify(text);

        Assert.Equal(Urgency.Urgent, result.Urgency);
        Assert.Equal(reason, result.Reasons[^1]);
    }

    [Fact]
    public void Without_urgency_words_the_ticket_is_normal()
    {
        var result = Qualify("Could someone look at my sink next week?");

        Assert.Equal(Urgency.Normal, result.Urgency);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("urgent", StringComparison.Ordinal));
    }

    [Fact]
    public void Reasons_list_service_area_then_urgency()
    {
        var result = Qualifier.Qualify(["Burst pipe, flooding!"], (40.7150, -74.0000), Rules);

        Assert.True(result.IsComplete);
        Assert.Equal(["plumbing from 'burst'", "downtown from location", "urgent from 'flooding'"], result.Reasons);
    }

    [Fact]
    public void Rules_survive_a_json_round_trip()
    {
        var json = JsonSerializer.Serialize(Rules);
        var restored = JsonSerializer.Deserialize<QualificationRules>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored));
        Assert.Equal(
            Qualifier.Qualify(["fuga urgente en el centro"], null, Rules).Reasons,
            Qualifier.Qualify(["fuga urgente en el centro"], null, restored).Reasons);
    }
}
