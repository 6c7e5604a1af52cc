using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

/// <summary>Sends Meta accepted are written down by two set-based updates per batch: the rows must end as SaveChanges would leave them.</summary>
public sealed class OutboxSentRowsTests
{
    [Fact]
    public async Task Sent_rows_and_their_messages_read_back_as_sent_and_other_rows_are_untouched()
    {
        await using var db = await TestContexts.MigratedSqliteAsync();
        await SentRowsReadBackAsync(db);
    }

    [Fact]
    public async Task A_sent_time_written_by_the_update_compares_equal_to_the_same_time_written_by_SaveChanges()
    {
        // SQLite keeps times as text: a different format would sort and compare wrongly against EF-written rows.
        await using var db = await TestContexts.MigratedSqliteAsync();
        var at = new DateTime(2026, 12, 2, 7, 5, 7, DateTimeKind.Utc).AddTicks(1234567);
        var bySaveChanges = Row("by SaveChanges");
        bySaveChanges.SentAt = at;
        var byUpdate = Row("by the update");
        db.Outbox.AddRange(bySaveChanges, byUpdate);
        await db.SaveChangesAsync();

        await OutboxSentRows.MarkSentAsync(db, [new SentRow(byUpdate.Id, null, "wamid.AT", 1)], at, CancellationToken.None);

        Assert.Equal(2, await db.Outbox.CountAsync(o => o.SentAt == at));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.SentAt > at));
    }

    [Fact]
    public async Task A_full_batch_is_written_in_one_call_and_more_rows_than_one_call_holds_change_nothing()
    {
        await using var db = await TestContexts.MigratedSqliteAsync();
        var rows = Enumerable.Range(0, OutboxSentRows.MaxRows + 1).Select(i => Row($"row {i}")).ToList();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
        var sent = rows.Select(r => new SentRow(r.Id, null, $"wamid.{r.Id}", 1)).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OutboxSentRows.MarkSentAsync(db, sent, DateTime.UtcNow, CancellationToken.None));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.Status != OutboxStatus.Sending));

        await OutboxSentRows.MarkSentAsync(db, sent[..OutboxSentRows.MaxRows], DateTime.UtcNow, CancellationToken.None);
        var stored = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.All(stored[..OutboxSentRows.MaxRows], o => Assert.Equal((OutboxStatus.Sent, $"wamid.{o.Id}"), (o.Status, o.Wamid)));
        Assert.Equal((OutboxStatus.Sending, (string?)null), (stored[^1].Status, stored[^1].Wamid));
    }

    [Fact]
    public async Task Recording_a_batch_of_accepted_sends_writes_the_outbox_once_and_the_messages_once()
    {
        // Before, SaveChanges wrote each send's row and message on its own: six updates for these three sends.
        await using var app = new InboxAppFactory();
        List<OutboxMessage> claimed;
        await using (var db = app.CreateDbContext())
        {
            var ticket = await TicketAsync(db);
            var messages = Enumerable.Range(0, 3).Select(_ => Message(ticket, DeliveryStatus.Pending)).ToList();
            db.Messages.AddRange(messages);
            await db.SaveChangesAsync();
            claimed = messages.Select(m => Row("batch", m)).ToList();
            db.Outbox.AddRange(claimed);
            await db.SaveChangesAsync();
        }

        using var commands = new CommandLog();
        await app.Services.GetRequiredService<OutboxRecorder>()
            .RecordAsync(claimed, claimed.Select(r => (SendOutcome?)new SendOutcome($"wamid.BATCH{r.Id}", null)).ToList(), CancellationToken.None);

        var updates = commands.ByContext.Where(c => c.Key.DataSource == app.DatabaseFile).SelectMany(c => c.Value)
            .Where(sql => sql.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal)).ToList();
        Assert.Equal(1, updates.Count(sql => sql.Contains("UPDATE \"Outbox\"", StringComparison.Ordinal)));
        Assert.Equal(1, updates.Count(sql => sql.Contains("UPDATE \"Messages\"", StringComparison.Ordinal)));
        await using var check = app.CreateDbContext();
        var ids = claimed.ConvertAll(r => r.MessageId);
        Assert.Equal(3, await check.Messages.CountAsync(m => ids.Contains(m.Id) && m.Status == DeliveryStatus.Sent && m.Wamid!.StartsWith("wamid.BATCH")));
    }

    [Fact]
    public void On_SQL_Server_the_statements_use_its_own_quoting()
    {
        using var db = TestContexts.SqlServerWithoutServer();

        Assert.Equal(
            "UPDATE [Outbox] SET [Status] = {0}, [SentAt] = {1}, [LockedBy] = NULL, [LockedUntil] = NULL, "
            + "[Wamid] = CASE [Id] WHEN {2} THEN {3} WHEN {5} THEN {6} END, [Attempts] = CASE [Id] WHEN {2} THEN {4} WHEN {5} THEN {7} END "
            + "WHERE [Id] IN ({2}, {5})",
            OutboxSentRows.OutboxStatementFor(db, 2));
        Assert.Equal(
            "UPDATE [Messages] SET [Status] = CASE WHEN [Status] < {0} THEN {0} ELSE [Status] END, [Wamid] = COALESCE([Wamid], CASE [Id] WHEN {1} THEN {2} WHEN {3} THEN {4} END) "
            + "WHERE [Id] IN ({1}, {3})",
            OutboxSentRows.MessageStatementFor(db, 2));
    }

    /// <summary>Also run on PostgreSQL: wamids that could break a statement built by hand, statuses that must only move up.</summary>
    internal static async Task SentRowsReadBackAsync(InboxDbContext db)
    {
        var ticket = await TicketAsync(db);
        var pending = Message(ticket, DeliveryStatus.Pending);
        var alreadyRead = Message(ticket, DeliveryStatus.Read);
        var notInBatch = Message(ticket, DeliveryStatus.Pending);

        // A customer's message passed on to the technician keeps the wamid it came with; the copy's is on its outbox row.
        var relayed = Message(ticket, DeliveryStatus.None);
        (relayed.Direction, relayed.Wamid) = (MessageDirection.FromCustomer, "wamid.RECEIVED");
        db.Messages.AddRange(pending, alreadyRead, notInBatch, relayed);
        await db.SaveChangesAsync();
        var (first, second, unlinked, other) = (Row("first", pending), Row("second", alreadyRead), Row("unlinked"), Row("other", notInBatch));
        var copy = Row("copy", relayed);
        db.Outbox.AddRange(first, second, unlinked, other, copy);
        await db.SaveChangesAsync();
        var at = new DateTime(2026, 12, 2, 7, 5, 7, DateTimeKind.Utc).AddTicks(1230);
        string[] wamids = ["wamid.HBgL'it''s {0} and {1}; DROP TABLE \"Outbox\"; --", "wamid.Ünïcødé ✓", "wamid.PLAIN", "wamid.COPY"];

        await OutboxSentRows.MarkSentAsync(
            db, [new SentRow(first.Id, pending.Id, wamids[0], 1), new SentRow(second.Id, alreadyRead.Id, wamids[1], 3), new SentRow(unlinked.Id, null, wamids[2], 2), new SentRow(copy.Id, relayed.Id, wamids[3], 1)], at, CancellationToken.None);
        await OutboxSentRows.MarkSentAsync(db, [], at, CancellationToken.None);

        var rows = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(
            [(OutboxStatus.Sent, wamids[0], 1), (OutboxStatus.Sent, wamids[1], 3), (OutboxStatus.Sent, wamids[2], 2), (OutboxStatus.Sending, null, 0), (OutboxStatus.Sent, wamids[3], 1)],
            rows.Select(o => (o.Status, o.Wamid, o.Attempts)));
        Assert.All(rows[..3], o => Assert.Equal((at, DateTimeKind.Utc, (string?)null, (DateTime?)null), (o.SentAt!.Value, o.SentAt.Value.Kind, o.LockedBy, o.LockedUntil)));
        Assert.Equal(("claim", (DateTime?)null), (rows[3].LockedBy, rows[3].SentAt));
        Assert.Equal(copy.Id, rows[4].Id);

        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(
            [(DeliveryStatus.Sent, wamids[0]), (DeliveryStatus.Read, wamids[1]), (DeliveryStatus.Pending, null), (DeliveryStatus.Sent, "wamid.RECEIVED")],
            messages.Select(m => (m.Status, m.Wamid)));
    }

    private static async Task<Ticket> TicketAsync(InboxDbContext db)
    {
        var contact = new Contact { WaIdHash = "hash-" + Guid.NewGuid().ToString("N"), WaIdProtected = "protected", Alias = "T" + Guid.NewGuid().ToString("N")[..8], CreatedAt = DateTime.UtcNow };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var ticket = new Ticket { ContactId = contact.Id, CreatedAt = DateTime.UtcNow, LastActivityAt = DateTime.UtcNow, Status = TicketStatus.Assigned };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }

    private static Message Message(Ticket ticket, DeliveryStatus status) => new()
    {
        TicketId = ticket.Id,
        Direction = MessageDirection.ToProvider,
        AuthorName = "Relay",
        Type = "text",
        Text = "relayed",
        Status = status,
        CreatedAt = DateTime.UtcNow,
    };

    private static OutboxMessage Row(string text, Message? message = null) => new()
    {
        FromPhoneNumberId = "100000000000001",
        ToProtected = "protected",
        Kind = OutboxKind.Text,
        PayloadJson = BowInbox.Core.WhatsApp.OutboundPayloads.Text(text),
        MessageId = message?.Id,
        Status = OutboxStatus.Sending,
        LockedBy = "claim",
        LockedUntil = DateTime.UtcNow.AddMinutes(2),
        NextAttemptAt = DateTime.UtcNow,
        CreatedAt = DateTime.UtcNow,
    };
}
