using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.Live;

public sealed class InboxHubPresenceTests
{
    [Fact]
    public void A_disconnect_reported_twice_or_without_a_connect_never_hides_a_live_client()
    {
        var presence = new InboxHubPresence();
        presence.Disconnected("never-connected");
        Assert.False(presence.AnyConnected);

        presence.Connected("a");
        presence.Connected("a");
        presence.Connected("b");
        presence.Disconnected("a");
        presence.Disconnected("a");

        Assert.True(presence.AnyConnected);
        Assert.Equal(1, presence.Count);
    }

    [Fact]
    public void Behind_a_backplane_every_change_is_pushed_for_the_clients_of_other_servers()
    {
        var presence = new InboxHubPresence(scaledOut: true);

        Assert.True(presence.AnyConnected);
        Assert.Equal(0, presence.Count);
    }

    [Fact]
    public async Task Connections_are_counted_while_open_and_pushes_resume_after_an_idle_spell()
    {
        await using var app = new InboxAppFactory();
        var presence = app.Services.GetRequiredService<InboxHubPresence>();

        // Nobody listening: the change is processed and skipped by the broadcaster, not queued for later.
        var quietTicket = await ChannelTestData.CustomerWroteAsync(app, "anyone there?", "15557000051");
        Assert.False(presence.AnyConnected);

        await using (var intake = await HubClients.ConnectAsync(app, Intake))
        {
            await Eventually.TrueAsync(() => presence.Count == 1, "the connection is counted");
            var ticketId = await ChannelTestData.CustomerWroteAsync(app, "my boiler is making noises", "15557000052");
            await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId);
            Assert.Empty(intake.Calls(InboxClientMethods.TicketUpdated, quietTicket));
        }

        await Eventually.TrueAsync(() => !presence.AnyConnected, "the closed connection is no longer counted");
    }
}
