using BowInbox.Core.Routing;
using BowInbox.Web.Routing;

namespace BowInbox.Tests.Routing;

/// <summary>Postcodes and postcode prefixes per area: how a written postcode is matched, and which rules are refused.</summary>
public sealed class PostcodeAreaTests
{
    private static readonly QualificationRules Rules = QualificationRules.Default with
    {
        Areas =
        [
            new AreaRule("westminster", ["westminster"], null, ["SW1"]),
            new AreaRule("battersea", ["battersea"], null, ["SW11"]),
            new AreaRule("uptown", ["uptown"], null, ["10024"]),
            new AreaRule("paulista", ["paulista"], null, ["01310"]),
        ],
    };

    [Theory]
    [InlineData("leaking tap, postcode SW1A 1AA", "westminster", "SW1A 1AA")]
    [InlineData("leaking tap at sw11 3ab please", "battersea", "sw11 3ab")]
    [InlineData("burst pipe, zip 10024-1234", "uptown", "10024-1234")]
    [InlineData("vazamento na pia, CEP 01310-100", "paulista", "01310-100")]
    public void A_written_postcode_sets_the_area_by_its_longest_prefix(string text, string area, string written)
    {
        var found = Qualifier.Qualify([text], null, Rules);

        Assert.Equal(area, found.Area);
        Assert.Contains($"{area} from postcode '{written}'", found.Reasons);
    }

    [Theory]
    [InlineData("my tap is leaking since 10 am")]
    [InlineData("call me on 555 010 0001")]
    [InlineData("leaking tap at 90210")]
    public void Numbers_that_are_not_a_configured_postcode_set_no_area(string text)
        => Assert.Null(Qualifier.Qualify([text], null, Rules).Area);

    [Fact]
    public void A_shared_location_still_wins_over_a_postcode()
    {
        var rules = QualificationRules.Default;
        var found = Qualifier.Qualify(["burst pipe at 10024"], (40.7128, -74.0060), rules);

        Assert.Equal("downtown", found.Area);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SW")]
    [InlineData("1")]
    [InlineData("10024; DROP")]
    public void Rules_with_an_unusable_postcode_are_refused_with_the_area_named(string postcode)
    {
        var json = RoutingRulesStore.ToJson(Rules with { Areas = [new AreaRule("uptown", ["uptown"], null, [postcode])] });

        var (rules, error) = RoutingRulesStore.Parse(json);

        Assert.Null(rules);
        Assert.StartsWith("Area 'uptown': each postcode", error);
    }

    [Fact]
    public void Postcodes_survive_editing_the_words_in_the_form()
    {
        var draft = RulesDraft.From(Rules);
        draft.Areas[0].Add("whitehall");

        Assert.Equal(["SW1"], draft.ToRules().Areas[0].Postcodes);
    }
}
