using BowInbox.Core.Csat;
using BowInbox.Core.Intake;

namespace BowInbox.Tests.Csat;

public sealed class CsatRatingTests
{
    [Theory]
    [InlineData("csat:12:4", 12, 4)]
    [InlineData("csat:7:1", 7, 1)]
    public void Reads_a_row_id(string id, int ticket, int rating)
        => Assert.Equal((ticket, rating), CsatRating.ReadRowId(id));

    [Theory]
    [InlineData("csat:12:6")]
    [InlineData("csat:12:0")]
    [InlineData("csat:x:3")]
    [InlineData("svc:plumbing")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_rating_row(string? id) => Assert.Null(CsatRating.ReadRowId(id));

    [Theory]
    [InlineData("3", 3)]
    [InlineData(" 5 ", 5)]
    [InlineData("2 - Mal", 2)]
    [InlineData("5 - excelente", 5)]
    [InlineData("1 - Muito ruim", 1)]
    [InlineData("6", null)]
    [InlineData("35", null)]
    [InlineData("my sink leaks again", null)]
    public void Reads_a_typed_answer_in_any_language(string text, int? rating)
        => Assert.Equal(rating, CsatRating.ReadText(text, CustomerTexts.BuiltIn));

    [Fact]
    public void Csat_is_the_share_of_fours_and_fives_per_group_and_technician()
    {
        CsatAnswer[] answers = [new(5, 1, 10), new(4, 1, 10), new(2, 1, 11), new(1, 2, 11), new(3, null, null)];
        var report = CsatReport.Compute(answers, new Dictionary<int, string> { [1] = "Plumbing", [2] = "Electric" }, new Dictionary<int, string> { [10] = "Tom", [11] = "Ana" });

        Assert.Equal(5, report.Overall.Count);
        Assert.Equal(0.4, report.Overall.Satisfied!.Value, 3);
        Assert.True(report.Overall.IsSmallSample);
        Assert.Equal(["Electric", "Plumbing"], report.ByGroup.Select(g => g.Name));
        Assert.Equal(2.0 / 3, report.ByGroup[1].Satisfied!.Value, 3);
        var tom = report.ByProvider.Single(p => p.Name == "Tom");
        Assert.Equal((2, 1.0), (tom.Count, tom.Satisfied!.Value));
        Assert.Equal(0.0, report.ByProvider.Single(p => p.Name == "Ana").Satisfied);
        Assert.Null(CsatReport.Compute([], new Dictionary<int, string>(), new Dictionary<int, string>()).Overall.Satisfied);
    }
}
