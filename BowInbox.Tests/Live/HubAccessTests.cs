using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.Live;

/// <summary>Hub groups are joined at connect: a change of access must end the connection, not wait for it to close.</summary>
public sealed class HubAccessTests
{
    [Fact]
    public async Task A_role_change_ends_the_users_live_connection_and_the_old_cookie_cannot_connect_again()
    {
        await using var app = new InboxAppFactory();
        var cookie = await HubClients.AuthCookieAsync(app, Supervisor);
        await using var supervisor = await HubClients.ConnectWithCookieAsync(app, cookie);
        await using var intake = await HubClients.ConnectAsync(app, Intake);

        var result = await app.Services.GetRequiredService<UserAdministration>().SetRoleAsync(await UserIdAsync(app, Supervisor), Roles.Technician, "admin-id");

        Assert.True(result.Succeeded, result.Message);
        await Eventually.TrueAsync(() => supervisor.Connection.State == HubConnectionState.Disconnected, "the demoted supervisor's connection to end");
        await using var again = await HubClients.ConnectWithCookieAsync(app, cookie);
        await Eventually.TrueAsync(() => again.Connection.State == HubConnectionState.Disconnected, "the old cookie's new connection to be refused");

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "radiator is cold", "15557000071");
        await intake.WaitForAsync(InboxClientMethods.TicketUpdated, ticketId);
        Assert.Equal(HubConnectionState.Connected, intake.Connection.State);
        Assert.DoesNotContain(supervisor.Received.Concat(again.Received), c => c.TicketId == ticketId);
    }

    [Fact]
    public async Task Deactivation_ends_the_users_live_connection_at_once()
    {
        await using var app = new InboxAppFactory();
        var cookie = await HubClients.AuthCookieAsync(app, Tech1);
        await using var tech1 = await HubClients.ConnectWithCookieAsync(app, cookie);
        var presence = app.Services.GetRequiredService<InboxHubPresence>();
        await Eventually.TrueAsync(() => presence.Count == 1, "the connection to be counted");

        var result = await app.Services.GetRequiredService<UserAccess>().DeactivateAsync(await UserIdAsync(app, Tech1), "admin-id");

        Assert.True(result.Succeeded, result.Message);
        await Eventually.TrueAsync(() => tech1.Connection.State == HubConnectionState.Disconnected, "the deactivated technician's connection to end");
        await using var again = await HubClients.ConnectWithCookieAsync(app, cookie);
        await Eventually.TrueAsync(() => again.Connection.State == HubConnectionState.Disconnected, "the deactivated user's new connection to be refused");
        Assert.Equal(0, presence.Count);
    }

    [Fact]
    public void Hub_connections_close_when_their_sign_in_expires()
    {
        using var app = new InboxAppFactory();
        var hub = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(InboxHub.Path, StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<HttpConnectionDispatcherOptions>())
            .First(o => o is not null);

        Assert.True(hub!.CloseOnAuthenticationExpiration);
    }

    private static async Task<string> UserIdAsync(InboxAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
