using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BowInbox.Tests.Foundation;

/// <summary>
/// The inbound processor saves a group's rows (new contacts, tickets and messages, changed tickets) with one plain
/// SaveChanges inside its transaction: every row is written as read back, new rows get their ids (rows pointing at
/// new rows too), a save interceptor sees every row, and a refused row leaves nothing of the group written.
/// </summary>
public sealed class GroupSaveTests : IDisposable
{
    private static readonly DateTime At = new DateTime(2026, 12, 2, 7, 5, 7, DateTimeKind.Utc).AddTicks(1234567);

    // A database in memory, shared by this test's contexts; it lives while this connection is open.
    private readonly SqliteConnection keeper = new($"Data Source=group-save-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    public void Dispose() => keeper.Dispose();

    [Fact]
    public async Task Rows_changed_in_a_group_read_back_with_their_values()
    {
        await using var db = await MigratedSqliteAsync();
        var tickets = await TicketsAsync(db, await ContactAsync(db), 3);
        string?[] previews = ["it's {0}; DROP TABLE \"Tickets\"; --", "Ünïcødé ✓ 🚰", null];
        for (var i = 0; i < tickets.Count; i++)
        {
            tickets[i].LastActivityAt = At;
            tickets[i].UnreadCount += i + 1;
            tickets[i].LastMessagePreview = previews[i];
            tickets[i].WaitingSince = null;
            tickets[i].Status = TicketStatus.Assigned;
        }

        await db.SaveChangesAsync();

        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(previews, stored.Select(t => t.LastMessagePreview));
        Assert.Equal([1, 2, 3], stored.Select(t => t.UnreadCount));
        Assert.All(stored, t => Assert.Equal((At, DateTimeKind.Utc, (DateTime?)null, TicketStatus.Assigned), (t.LastActivityAt, t.LastActivityAt.Kind, t.WaitingSince, t.Status)));
        Assert.All(tickets, t => Assert.Equal(EntityState.Unchanged, db.Entry(t).State));
    }

    [Fact]
    public async Task New_rows_pointing_at_new_rows_get_their_ids_and_point_at_the_right_rows()
    {
        await using var db = await MigratedSqliteAsync();
        var contacts = Enumerable.Range(0, 3).Select(i => new Contact { WaIdHash = $"new-{i}", WaIdProtected = "p", Alias = $"T-new-{i}", CreatedAt = At }).ToList();
        var tickets = contacts.Select(c => new Ticket { Contact = c, CreatedAt = At, LastActivityAt = At, Status = TicketStatus.New, Notes = c.Alias }).ToList();
        db.Tickets.AddRange(tickets);

        await db.SaveChangesAsync();

        Assert.All(tickets, t => Assert.True(t.Id > 0 && t.ContactId > 0));
        Assert.Equal(contacts.Select(c => c.Id), tickets.Select(t => t.ContactId));
        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().Include(t => t.Contact).ToDictionaryAsync(t => t.Id);
        Assert.Equal(contacts.Select(c => c.Alias), tickets.Select(t => stored[t.Id].Contact!.Alias));
        Assert.Equal(contacts.Select(c => (string?)c.Alias), tickets.Select(t => stored[t.Id].Notes));
    }

    [Fact]
    public async Task A_save_interceptor_sees_every_added_and_changed_row_of_the_group()
    {
        var seen = new SeenRows();
        await keeper.OpenAsync();
        await using (var migrate = Open())
        {
            await migrate.Database.MigrateAsync();
        }

        await using var db = Open(seen);
        var tickets = await TicketsAsync(db, await ContactAsync(db), 2);
        seen.Rows.Clear();
        tickets.ForEach(t => t.UnreadCount++);
        db.Messages.AddRange(tickets.Select(t => new Message { TicketId = t.Id, Direction = MessageDirection.FromCustomer, Type = "text", Text = "hi", CreatedAt = At }));

        await db.SaveChangesAsync();

        Assert.Equal(2, seen.Rows.Count(r => r is (nameof(Ticket), EntityState.Modified)));
        Assert.Equal(2, seen.Rows.Count(r => r is (nameof(Message), EntityState.Added)));
    }

    [Fact]
    public async Task A_refused_row_fails_the_group_and_nothing_of_it_is_written()
    {
        await using var db = await MigratedSqliteAsync();
        var tickets = await TicketsAsync(db, await ContactAsync(db), 2);
        await using var transaction = await db.Database.BeginTransactionAsync();
        tickets.ForEach(t => t.Notes = "changed");
        db.Contacts.AddRange(
            new Contact { WaIdHash = "twice", WaIdProtected = "p", Alias = "T-a", CreatedAt = At },
            new Contact { WaIdHash = "twice", WaIdProtected = "p", Alias = "T-b", CreatedAt = At });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.IsType<SqliteException>(refused.InnerException);
        await transaction.RollbackAsync();

        await using var check = Open();
        Assert.Equal(1, await check.Contacts.CountAsync());
        Assert.Equal(0, await check.Tickets.CountAsync(t => t.Notes != null));
    }

    [Fact]
    public async Task A_row_deleted_since_it_was_read_fails_the_save()
    {
        await using var db = await MigratedSqliteAsync();
        var tickets = await TicketsAsync(db, await ContactAsync(db), 2);
        tickets.ForEach(t => t.Notes = "changed");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Tickets\" WHERE \"Id\" = {0}", tickets[1].Id);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    /// <summary>Every row a save interceptor was shown, by kind and state, as a future auditing interceptor would see them.</summary>
    private sealed class SeenRows : SaveChangesInterceptor
    {
        public List<(string Kind, EntityState State)> Rows { get; } = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Rows.AddRange(eventData.Context!.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => (e.Metadata.ClrType.Name, e.State)));
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private static async Task<Contact> ContactAsync(InboxDbContext db)
    {
        var contact = new Contact { WaIdHash = "hash", WaIdProtected = "p", Alias = "T1", CreatedAt = At };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    private static async Task<List<Ticket>> TicketsAsync(InboxDbContext db, Contact contact, int count)
    {
        var tickets = Enumerable.Range(0, count)
            .Select(_ => new Ticket { ContactId = contact.Id, CreatedAt = At, LastActivityAt = At.AddDays(-1), WaitingSince = At.AddHours(-1), Status = TicketStatus.New })
            .ToList();
        db.Tickets.AddRange(tickets);
        await db.SaveChangesAsync();
        return tickets;
    }

    private async Task<SqliteInboxDbContext> MigratedSqliteAsync()
    {
        await keeper.OpenAsync();
        var db = Open();
        await db.Database.MigrateAsync();
        return db;
    }

    /// <summary>A context on the test's database; a second one reads what was written, not what the first one tracks.</summary>
    private SqliteInboxDbContext Open(params IInterceptor[] interceptors)
        => new(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite(keeper.ConnectionString).AddInterceptors(interceptors).Options);
}
