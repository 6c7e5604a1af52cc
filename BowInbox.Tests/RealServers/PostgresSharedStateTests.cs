using BowInbox.Core.Audit;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Jobs;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// What several servers share on PostgreSQL: the audit chain (one position per entry, whichever server writes it) and
/// Hangfire's storage (one schema, each recurring job once). Needs BOWINBOX_POSTGRES; .ci/run starts a server.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PostgresSharedStateTests
{
    [Fact]
    public async Task Two_servers_appending_at_once_write_one_unforked_chain_that_verifies()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        var key = new AuditKey(Options.Create(new AuditOptions { HmacKey = InboxAppFactory.AuditHmacKey }));
        var first = new Contexts(database.ConnectionString, "server-a");
        var second = new Contexts(database.ConnectionString, "server-b");
        await using (var db = first.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var logs = new[] { first, second }.Select(c => new AuditLog(c, key, TimeProvider.System, NullLogger<AuditLog>.Instance)).ToArray();

        // Each server appends 25 entries at once; 24 of the 50 with a change saved in the same transaction.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var log = logs[i % 2];
            var contexts = i % 2 == 0 ? first : second;
            if (i % 4 < 2)
            {
                await log.WriteAsync($"server-{i % 2}", AuditActions.TranscriptViewed, $"ticket #{i}", "concurrent view");
                return;
            }

            await using var db = contexts.CreateDbContext();
            db.CannedReplies.Add(new BowInbox.Core.Inbox.CannedReply { Shortcut = $"r{i}", Text = "concurrent change" });
            await log.SaveWithAsync(db, new AuditRecord($"server-{i % 2}", AuditActions.CannedReplyChanged, $"/r{i}", "added"));
        })));

        await using var check = first.CreateDbContext();
        var entries = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(50, entries.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(entries.Count, entries.Select(e => e.PreviousHash).Distinct().Count());
        Assert.Equal(24, await check.CannedReplies.CountAsync(r => r.Text == "concurrent change"));
        var verdict = await new AuditQueries(first, key).VerifyAsync();
        Assert.True(verdict.Intact, $"broken at {verdict.FirstBrokenId}");

        // Rewritten by someone who can write the table but lacks the key: recomputing unkeyed hashes does not pass.
        var victim = entries[20];
        victim.Actor = "someone-else";
        victim.HashVersion = AuditChain.UnkeyedVersion;
        victim.Hash = AuditChain.ComputeHash(victim, []);
        await check.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "AuditEntries" SET "Actor" = {victim.Actor}, "HashVersion" = {victim.HashVersion}, "Hash" = {victim.Hash} WHERE "Id" = {victim.Id}""");
        var tampered = await new AuditQueries(first, key).VerifyAsync();
        Assert.Equal(victim.Id, tampered.FirstBrokenId);
    }

    [Fact]
    public async Task Two_servers_share_one_hangfire_schema_with_each_recurring_job_once()
    {
        await using var database = TemporaryPostgresDatabase.Create();
        await using var first = new InboxAppFactory();
        database.Use(first);
        _ = first.Server;
        await using var second = new InboxAppFactory();
        database.Use(second);
        _ = second.Server;

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = await ListAsync(connection, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{HangfireSetup.PostgresSchema}'");
        Assert.Contains("job", tables);
        Assert.Contains("set", tables);
        var recurring = await ListAsync(connection, $"SELECT value FROM {HangfireSetup.PostgresSchema}.set WHERE key = 'recurring-jobs'");
        Assert.Single(recurring, id => id == SlaMonitorJob.JobId);
        Assert.Equal(recurring.Count, recurring.Distinct().Count());
        Assert.True(recurring.Count >= 4, string.Join(", ", recurring));
        await Eventually.TrueAsync(
            async () => (await ListAsync(connection, $"SELECT id FROM {HangfireSetup.PostgresSchema}.server")).Count >= 2,
            "both servers to be listed in the shared Hangfire storage");
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>One server's contexts: its own connection pool (told apart by the application name).</summary>
    private sealed class Contexts(string connectionString, string server) : IDbContextFactory<InboxDbContext>
    {
        private readonly string connection = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = server }.ConnectionString;

        public InboxDbContext CreateDbContext()
            => new BowInbox.Data.Postgres.PostgresInboxDbContext(
                new DbContextOptionsBuilder<BowInbox.Data.Postgres.PostgresInboxDbContext>().UseNpgsql(connection).Options);
    }
}
