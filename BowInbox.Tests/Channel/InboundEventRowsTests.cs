using BowInbox.Core.Channel;
using BowInbox.Data;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

/// <summary>Accepted webhooks are stored by one multi-row INSERT per group: the rows must be exactly what SaveChanges would have written.</summary>
public sealed class InboundEventRowsTests
{
    [Fact]
    public async Task Stored_rows_read_back_as_pending_events_with_their_payloads_and_times()
    {
        await using var db = await TestContexts.MigratedSqliteAsync();
        await StoredRowsReadBackAsync(db);
    }

    [Fact]
    public async Task A_time_stored_by_the_insert_compares_equal_to_the_same_time_stored_by_SaveChanges()
    {
        // SQLite keeps times as text: a different format would sort and compare wrongly against EF-written rows.
        await using var db = await TestContexts.MigratedSqliteAsync();
        var at = new DateTime(2026, 12, 2, 9, 5, 7, DateTimeKind.Utc).AddTicks(1234567);
        db.InboundEvents.Add(new InboundEvent { Payload = "by SaveChanges", ReceivedAt = at });
        await db.SaveChangesAsync();

        await InboundEventRows.InsertAsync(db, [new InboundEvent { Payload = "by the insert", ReceivedAt = at }], CancellationToken.None);

        Assert.Equal(2, await db.InboundEvents.CountAsync(e => e.ReceivedAt == at));
        Assert.Equal(0, await db.InboundEvents.CountAsync(e => e.ReceivedAt > at));
    }

    [Fact]
    public async Task More_rows_than_one_statement_holds_are_refused_and_nothing_is_stored()
    {
        await using var db = await TestContexts.MigratedSqliteAsync();
        var events = Enumerable.Range(0, InboundEventRows.MaxRows + 1).Select(i => new InboundEvent { Payload = $"{i}", ReceivedAt = DateTime.UtcNow }).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => InboundEventRows.InsertAsync(db, events, CancellationToken.None));

        Assert.Equal(0, await db.InboundEvents.CountAsync());
    }

    [Fact]
    public async Task A_delivery_already_stored_or_repeated_in_the_group_is_left_out()
    {
        await using var db = await TestContexts.MigratedSqliteAsync();
        var at = new DateTime(2026, 12, 2, 9, 5, 7, DateTimeKind.Utc);
        var first = await InboundEventRows.InsertAsync(db, [new InboundEvent { Payload = "a", DeliveryHash = "hash-a", ReceivedAt = at }], CancellationToken.None);

        var second = await InboundEventRows.InsertAsync(
            db,
            [
                new InboundEvent { Payload = "a again", DeliveryHash = "hash-a", ReceivedAt = at },
                new InboundEvent { Payload = "b", DeliveryHash = "hash-b", ReceivedAt = at },
                new InboundEvent { Payload = "b again", DeliveryHash = "hash-b", ReceivedAt = at },
                new InboundEvent { Payload = "unhashed", ReceivedAt = at },
                new InboundEvent { Payload = "unhashed too", ReceivedAt = at },
            ],
            CancellationToken.None);

        Assert.Equal((1, 3), (first, second));
        Assert.Equal(["a", "b", "unhashed", "unhashed too"], await db.InboundEvents.OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync());
    }

    [Fact]
    public void On_SQL_Server_the_statement_uses_its_own_quoting()
    {
        using var db = TestContexts.SqlServerWithoutServer();

        Assert.Equal(
            "INSERT INTO [InboundEvents] ([ReceivedAt], [Payload], [DeliveryHash], [Attempts]) VALUES ({0}, {1}, {2}, 0), ({3}, {4}, {5}, 0)",
            InboundEventRows.StatementFor(db, 2));
    }

    /// <summary>Also run on PostgreSQL: payloads that could break a statement built by hand, stored and read back in order.</summary>
    internal static async Task StoredRowsReadBackAsync(InboxDbContext db)
    {
        var at = new DateTime(2026, 12, 2, 9, 5, 7, DateTimeKind.Utc).AddTicks(1230);
        string[] payloads = ["{\"object\":\"whatsapp_business_account\"}", "it's {0} and {1}; DROP TABLE \"InboundEvents\"; --", "Ünïcødé ✓ 🚰", new string('x', 100_000)];
        var events = payloads.Select((p, i) => new InboundEvent { Payload = p, ReceivedAt = at.AddSeconds(i) }).ToList();

        await InboundEventRows.InsertAsync(db, events, CancellationToken.None);
        await InboundEventRows.InsertAsync(db, [], CancellationToken.None);

        var stored = await db.InboundEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(payloads, stored.Select(e => e.Payload));
        Assert.Equal(events.Select(e => e.ReceivedAt), stored.Select(e => e.ReceivedAt));
        Assert.All(stored, e => Assert.Equal(DateTimeKind.Utc, e.ReceivedAt.Kind));
        Assert.All(stored, e => Assert.True(e.ProcessedAt is null && e.Attempts == 0 && e.LastError is null));
    }
}
