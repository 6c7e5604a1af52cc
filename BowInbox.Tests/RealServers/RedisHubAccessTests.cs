using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Admin;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Live.LiveTestData;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// A role change made on one web server ends the user's hub connection held by another, through the Redis relay.
/// Needs BOWINBOX_REDIS (host:port; .ci/run starts a server).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class RedisHubAccessTests
{
    [Fact]
    public async Task A_role_change_on_one_server_ends_the_users_connection_on_another()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        await using var first = new InboxAppFactory { KeepFolder = true };
        first.Settings["ConnectionStrings:Redis"] = redis;
        _ = first.Server;
        await using var second = new InboxAppFactory(first.Folder);
        second.Settings["ConnectionStrings:Redis"] = redis;
        await using var supervisor = await HubClients.ConnectAsync(second, Supervisor);
        await using var intake = await HubClients.ConnectAsync(second, Intake);
        string userId;
        await using (var db = first.CreateDbContext())
        {
            userId = await db.Users.Where(u => u.Email == Supervisor).Select(u => u.Id).SingleAsync();
        }

        var result = await first.Services.GetRequiredService<UserAdministration>().SetRoleAsync(userId, Roles.Technician, "admin-id");

        Assert.True(result.Succeeded, result.Message);
        await Eventually.TrueAsync(() => supervisor.Connection.State == HubConnectionState.Disconnected, "the other server to end the demoted supervisor's connection");
        Assert.Equal(HubConnectionState.Connected, intake.Connection.State);
    }
}
