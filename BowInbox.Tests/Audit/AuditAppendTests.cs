using BowInbox.Core.Audit;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BowInbox.Tests.Audit;

/// <summary>How entries join the chain: in the change's own transaction, one position each, keyed.</summary>
public sealed class AuditAppendTests
{
    [Fact]
    public async Task A_failed_audit_write_leaves_the_change_unsaved()
    {
        await using var app = new InboxAppFactory();
        var replies = app.Services.GetRequiredService<CannedReplies>();
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_down BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit store down'); END;");
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => replies.AddAsync("admin@demo.local", "unaudited", "This must not be saved without its audit entry."));

        Assert.DoesNotContain(await replies.ListAsync(), r => r.Shortcut == "unaudited");
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_down;");
        }

        var added = await replies.AddAsync("admin@demo.local", "unaudited", "Saved now, with its entry.");
        Assert.True(added.Succeeded, added.Message);
        await using var check = app.CreateDbContext();
        Assert.Single(await check.AuditEntries.Where(e => e.Action == AuditActions.CannedReplyChanged && e.Target == "/unaudited").ToListAsync());
    }

    [Fact]
    public async Task Concurrent_appends_take_one_position_each_and_the_chain_verifies()
    {
        await using var app = new InboxAppFactory();
        var log = app.Services.GetRequiredService<AuditLog>();

        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => Task.Run(() => log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptViewed, $"ticket #{i}", "concurrent"))));

        await using var db = app.CreateDbContext();
        var sequences = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(30, await db.AuditEntries.CountAsync(e => e.Details == "concurrent"));
        var verdict = await app.Services.GetRequiredService<AuditQueries>().VerifyAsync();
        Assert.True(verdict.Intact, $"broken at {verdict.FirstBrokenId}");
        var head = await app.Services.GetRequiredService<AuditQueries>().HeadAsync();
        Assert.Equal(sequences[^1], head!.Sequence);
    }

    [Fact]
    public async Task Entries_written_before_the_upgrade_keep_verifying_ahead_of_keyed_ones()
    {
        await using var db = await TestContexts.MigratedSqliteAsync(upTo: "20261201152930_OutboxRecipientOrder");
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= 3; i++)
        {
            var old = new AuditEntry { HashVersion = AuditChain.UnkeyedVersion, At = new DateTime(2025, 1, 1, 0, 0, i, DateTimeKind.Utc), Actor = "sam", Action = "transcript-viewed", Target = $"ticket #{i}", Details = "", PreviousHash = previous };
            old.Hash = AuditChain.ComputeHash(old, []);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO AuditEntries (At, Actor, Action, Target, Details, PreviousHash, Hash) VALUES ({old.At}, {old.Actor}, {old.Action}, {old.Target}, {old.Details}, {old.PreviousHash}, {old.Hash})");
            previous = old.Hash;
        }

        await db.Database.MigrateAsync();
        var contexts = new SingleContext(db);
        var key = new AuditKey(Options.Create(new AuditOptions { HmacKey = InboxAppFactory.AuditHmacKey }));
        await new AuditLog(contexts, key, TimeProvider.System, NullLogger<AuditLog>.Instance).WriteAsync("admin@demo.local", AuditActions.PolicyChanged, "routing", "after the upgrade");

        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.Sequence));
        Assert.Equal([1, 1, 1, 2], entries.Select(e => e.HashVersion));
        Assert.Equal(previous, entries[3].PreviousHash);
        var verdict = await new AuditQueries(contexts, key).VerifyAsync();
        Assert.True(verdict.Intact, $"broken at {verdict.FirstBrokenId}");
        Assert.Equal(4, verdict.EntriesChecked);
    }

    /// <summary>Hands out one open in-memory database (which lives as long as its connection) without disposing it.</summary>
    private sealed class SingleContext(InboxDbContext db) : IDbContextFactory<InboxDbContext>
    {
        public InboxDbContext CreateDbContext()
            => new BowInbox.Data.Sqlite.SqliteInboxDbContext(new DbContextOptionsBuilder<BowInbox.Data.Sqlite.SqliteInboxDbContext>()
                .UseSqlite(db.Database.GetDbConnection(), contextOwnsConnection: false).Options);
    }
}
