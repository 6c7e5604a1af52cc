using System.Net;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.Observability;

/// <summary>/metrics answers Admins and the configured networks (the Prometheus server) only.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Anonymous_callers_get_401_not_a_login_redirect()
    {
        await using var app = MetricsApp();
        using var client = app.CreateBrowserlessClient();

        var response = await client.GetAsync(ObservabilitySetup.MetricsPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("bowinbox_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_gets_403()
    {
        await using var app = MetricsApp();
        using var client = await Login.AsAsync(app, Supervisor);

        var response = await client.GetAsync(ObservabilitySetup.MetricsPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_reads_the_apps_own_metrics_in_prometheus_format()
    {
        await using var app = MetricsApp();
        await ChannelTestData.CustomerWroteAsync(app);
        using var client = await Login.AsAsync(app, Admin);

        var response = await client.GetAsync(ObservabilitySetup.MetricsPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("bowinbox_webhook_requests", body, StringComparison.Ordinal);
        Assert.Contains("outcome=\"stored\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ChannelTestData.Customer, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_from_an_allowed_network_scrapes_without_signing_in_and_others_do_not()
    {
        await using var app = MetricsApp();
        app.Settings["Metrics:AllowedNetworks:0"] = "10.20.0.0/16";
        app.Settings["Metrics:AllowedNetworks:1"] = "fd00::/8";

        var prometheus = await ScrapeFromAsync(app, "10.20.3.4");
        var mapped = await ScrapeFromAsync(app, "::ffff:10.20.9.9");
        var ipv6 = await ScrapeFromAsync(app, "fd00::42");
        var outside = await ScrapeFromAsync(app, "10.21.0.1");

        Assert.Equal(StatusCodes.Status200OK, prometheus);
        Assert.Equal(StatusCodes.Status200OK, mapped);
        Assert.Equal(StatusCodes.Status200OK, ipv6);
        Assert.Equal(StatusCodes.Status401Unauthorized, outside);
    }

    [Fact]
    public async Task With_metrics_switched_off_there_is_no_scrape_endpoint_even_for_an_admin()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Metrics:Enabled"] = "false";
        using var client = await Login.AsAsync(app, Admin);

        var response = await client.GetAsync(ObservabilitySetup.MetricsPath, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("bowinbox_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_that_is_not_a_cidr_range_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MetricsAccess.From(new MetricsOptions { AllowedNetworks = ["10.0.0.0/99"] }));

        Assert.Contains("Metrics:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An app with the OpenTelemetry pipeline on, as in production (the test factory switches it off).</summary>
    private static InboxAppFactory MetricsApp()
    {
        var app = new InboxAppFactory();
        app.Settings["Metrics:Enabled"] = "true";
        return app;
    }

    private static async Task<int> ScrapeFromAsync(InboxAppFactory app, string address)
    {
        var context = await app.Server.SendAsync(
            c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = ObservabilitySetup.MetricsPath;
                c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            },
            TestContext.Current.CancellationToken);
        return context.Response.StatusCode;
    }
}
