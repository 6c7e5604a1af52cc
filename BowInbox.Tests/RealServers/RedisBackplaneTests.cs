using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// Two web servers on one database and one Redis server: the hub's pushes cross servers through the backplane, to
/// those who may see the ticket only. Needs BOWINBOX_REDIS (host:port; .ci/run starts a server).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class RedisBackplaneTests
{
    private const string Customer = "15557000777";

    [Fact]
    public async Task A_change_pushed_on_one_server_reaches_hub_clients_of_another_and_no_one_who_may_not_see_it()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        await using var first = new InboxAppFactory { KeepFolder = true };
        first.Settings["ConnectionStrings:Redis"] = redis;
        var ticketId = await ChannelTestData.CustomerWroteAsync(first, "my boiler is making noises", Customer);

        await using var second = new InboxAppFactory(first.Folder);
        second.Settings["ConnectionStrings:Redis"] = redis;
        await using var intake = await HubClients.ConnectAsync(second, Intake);
        await using var tech1 = await HubClients.ConnectAsync(second, Tech1);
        await Task.Delay(QuietPeriod);
        intake.Received.Clear();
        tech1.Received.Clear();

        // Published on the first server only: nothing on the second server pushes this change by itself.
        await first.Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(ticketId, "backplane test"));

        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("status").GetString() == "New");
        await Task.Delay(QuietPeriod);
        Assert.Empty(tech1.Received);
        Assert.All(intake.Received, c => Assert.DoesNotContain(Customer, c.Json, StringComparison.Ordinal));

        var health = await second.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unreachable_redis_leaves_the_server_working_and_reports_it_degraded()
    {
        // Nothing listens on port 1: the backplane is configured but down.
        await using var app = new InboxAppFactory();
        app.Settings["ConnectionStrings:Redis"] = "127.0.0.1:1";

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "still working?", "15557000778");

        Assert.True(ticketId > 0);
        var health = await app.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }
}
