using BowInbox.Core.Kpi;

namespace BowInbox.Tests.Kpi;

public sealed class PercentilesTests
{
    private static TimeSpan[] Minutes(params double[] values) => values.Select(TimeSpan.FromMinutes).ToArray();

    [Fact]
    public void Median_and_p90_of_four_values_interpolate_between_closest_ranks()
    {
        var values = Minutes(4, 1, 3, 2);

        Assert.Equal(TimeSpan.FromMinutes(2.5), Percentiles.Median(values));
        Assert.Equal(TimeSpan.FromMinutes(3.7), Percentiles.Of(values, 0.9));
    }

    [Fact]
    public void Odd_count_median_is_the_middle_value_and_extremes_are_min_and_max()
    {
        var values = Minutes(9, 1, 5);

        Assert.Equal(TimeSpan.FromMinutes(5), Percentiles.Median(values));
        Assert.Equal(TimeSpan.FromMinutes(1), Percentiles.Of(values, 0));
        Assert.Equal(TimeSpan.FromMinutes(9), Percentiles.Of(values, 1));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.Null(Percentiles.Median([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(Minutes(1), 1.5));
    }
}
