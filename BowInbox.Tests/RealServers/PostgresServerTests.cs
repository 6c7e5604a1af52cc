using BowInbox.Core.Messaging;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// The app on a real PostgreSQL server: migrated from nothing at start, then a customer message in and a
/// reply out. Needs BOWINBOX_POSTGRES (a connection string without a database; .ci/run starts a server).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task App_migrates_a_new_postgres_database_and_runs_a_conversation()
    {
        var server = Environment.GetEnvironmentVariable("BOWINBOX_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            TestEnvironment.SkipOrFail("No PostgreSQL server (set BOWINBOX_POSTGRES to a connection string, as .ci/run does)");
        }

        var database = "bowinbox_test_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using var app = new InboxAppFactory();
            app.Settings["Database:Provider"] = "Postgres";
            app.Settings["ConnectionStrings:Inbox"] = connectionString;

            var ticketId = await ChannelTestData.CustomerWroteAsync(app, "Leak under the sink");
            var reply = await app.Replies().ReplyAsync(ticketId, "On our way", ChannelTestData.Agent);

            Assert.True(reply.Succeeded, reply.Message);
            await using var db = app.CreateDbContext();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == reply.MessageId && m.Status == DeliveryStatus.Sent), "the reply to be sent");
            Assert.Equal(7, await db.Users.CountAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
