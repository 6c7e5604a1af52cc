using BowInbox.Core.Messaging;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
        await using var database = TemporaryPostgresDatabase.Create();
        await using var app = new InboxAppFactory();
        database.Use(app);

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "Leak under the sink");
        var reply = await app.Replies().ReplyAsync(ticketId, "On our way", ChannelTestData.Agent);

        Assert.True(reply.Succeeded, reply.Message);
        await using var db = app.CreateDbContext();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == reply.MessageId && m.Status == DeliveryStatus.Sent), "the reply to be sent");
        Assert.Equal(11, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Webhooks_stored_by_one_insert_read_back_unchanged_on_postgres()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        await using var db = new BowInbox.Data.Postgres.PostgresInboxDbContext(
            new DbContextOptionsBuilder<BowInbox.Data.Postgres.PostgresInboxDbContext>().UseNpgsql(database.ConnectionString).Options);
        await db.Database.MigrateAsync();

        await InboundEventRowsTests.StoredRowsReadBackAsync(db);
    }

    [Fact]
    public async Task Processed_events_past_retention_are_purged_in_batches_on_postgres()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        var contexts = new PostgresContexts(database.ConnectionString);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await Privacy.InboundEventPurgeTests.PurgesPastRetentionAsync(contexts);
    }

    [Fact]
    public async Task Sends_recorded_by_one_update_read_back_as_sent_on_postgres()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        await using var db = new BowInbox.Data.Postgres.PostgresInboxDbContext(
            new DbContextOptionsBuilder<BowInbox.Data.Postgres.PostgresInboxDbContext>().UseNpgsql(database.ConnectionString).Options);
        await db.Database.MigrateAsync();

        await OutboxSentRowsTests.SentRowsReadBackAsync(db);
    }

    // The outbox claim's held conversations and give-back are SQL of their own (a key built from two columns, a
    // prefix match): the same scenarios as on SQLite, on PostgreSQL, where several servers share one database.
    [Fact]
    public async Task A_retry_holds_only_its_own_conversation_on_postgres()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        await OutboxOrderTests.RetryHoldsOnlyItsOwnConversationAsync(database.Use);
    }

    [Fact]
    public async Task A_row_another_server_claims_meanwhile_is_not_overtaken_on_postgres()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        await OutboxOrderTests.AnotherServersClaimIsNotOvertakenAsync(database.Use);
    }

    private sealed class PostgresContexts(string connectionString) : IDbContextFactory<BowInbox.Data.InboxDbContext>
    {
        public BowInbox.Data.InboxDbContext CreateDbContext()
            => new BowInbox.Data.Postgres.PostgresInboxDbContext(
                new DbContextOptionsBuilder<BowInbox.Data.Postgres.PostgresInboxDbContext>().UseNpgsql(connectionString).Options);
    }
}
