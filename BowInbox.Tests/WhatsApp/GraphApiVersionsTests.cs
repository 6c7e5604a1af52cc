using BowInbox.Core.WhatsApp;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.WhatsApp;

public class GraphApiVersionsTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://graph.facebook.com/v25.0", "v25.0")]
    [InlineData("https://graph.facebook.com/v21.0/", "v21.0")]
    [InlineData("http://fake-graph.test/v25.0", "v25.0")]
    [InlineData("https://graph.facebook.com", null)]
    [InlineData("not a url", null)]
    public void The_version_is_read_from_the_base_url(string baseUrl, string? expected)
        => Assert.Equal(expected, GraphApiVersions.VersionOf(baseUrl));

    [Fact]
    public void The_default_is_the_current_version_and_every_fake_uses_it()
    {
        Assert.Equal("v25.0", GraphApiVersions.Current);
        Assert.Equal("https://graph.facebook.com/v25.0", GraphApiVersions.DefaultBaseUrl);
        Assert.Equal(GraphApiVersions.Current, GraphApiVersions.VersionOf(FakeGraphApi.BaseUrl));
        Assert.Equal(GraphApiVersions.Current, GraphApiVersions.VersionOf(BowInbox.Web.Simulator.SimulatedGraphApi.BaseUrl));
        Assert.Equal(GraphApiVersions.DefaultBaseUrl, new BowInbox.Web.WhatsApp.WhatsAppOptions().EffectiveGraphApiBaseUrl);
    }

    [Fact]
    public void A_version_within_90_days_of_its_end_is_flagged_with_the_date()
    {
        // v21.0 stops on 21 Jan 2027: 45 days after "today".
        var warning = GraphApiVersions.EndOfLifeWarning("v21.0", Today);
        Assert.NotNull(warning);
        Assert.Contains("2027-01-21", warning);
        Assert.Contains("in 45 days", warning);
        Assert.Contains(GraphApiVersions.DefaultBaseUrl, warning);

        Assert.Null(GraphApiVersions.EndOfLifeWarning("v21.0", new DateTimeOffset(2026, 10, 22, 0, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(GraphApiVersions.EndOfLifeWarning("v21.0", new DateTimeOffset(2026, 10, 23, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_version_past_its_end_or_older_than_any_known_is_flagged()
    {
        Assert.Contains("stopped working on 2027-01-21", GraphApiVersions.EndOfLifeWarning("v21.0", new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Contains("older than every version", GraphApiVersions.EndOfLifeWarning("v19.0", Today));
    }

    [Fact]
    public void The_current_version_and_unknown_newer_ones_are_not_flagged()
    {
        Assert.Null(GraphApiVersions.EndOfLifeWarning("v25.0", Today));
        Assert.Null(GraphApiVersions.EndOfLifeWarning("v23.0", Today));
        Assert.Null(GraphApiVersions.EndOfLifeWarning(null, Today));
        Assert.True(GraphApiVersions.EndOfLife[GraphApiVersions.Current] > DateOnly.FromDateTime(Today.UtcDateTime.AddDays(90)));
    }

    [Fact]
    public async Task An_old_configured_version_turns_health_degraded()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "http://fake-graph.test/v21.0";

        var health = await app.CreateBrowserlessClient().GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        var text = await health.Content.ReadAsStringAsync();
        Assert.StartsWith("Degraded", text);
        Assert.Contains("whatsapp-numbers: Graph API v21.0 st", text);
    }
}
