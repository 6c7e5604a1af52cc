using BowInbox.Tests.Support;
using BowInbox.Web.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Kpi;

public sealed class KpiRangeTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private KpiQueries Queries => shared.App.Services.GetRequiredService<KpiQueries>();

    [Fact]
    public async Task A_range_longer_than_the_cap_is_refused_with_a_message_naming_the_cap()
    {
        var filter = new KpiFilter(Start, Start.AddDays(KpiFilter.MaxDays + 34));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.DashboardAsync(filter, TestContext.Current.CancellationToken));

        Assert.Contains("Choose at most 366 days (this range has 400)", error.Message);
        Assert.Equal("Choose at most 366 days (this range has 400).", filter.Problem);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused()
    {
        var filter = new KpiFilter(Start, Start.AddDays(-1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.FactsAsync(filter, TestContext.Current.CancellationToken));
        Assert.Equal("The range ends before it starts.", filter.Problem);
    }

    [Fact]
    public async Task A_range_of_exactly_the_cap_is_measured()
    {
        var filter = new KpiFilter(Start, Start.AddDays(KpiFilter.MaxDays));

        var data = await Queries.DashboardAsync(filter, TestContext.Current.CancellationToken);

        Assert.Null(filter.Problem);
        Assert.Equal(0, data.Overall.Conversations);
    }
}
