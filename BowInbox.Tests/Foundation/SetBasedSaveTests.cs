using BowInbox.Core.Contacts;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Sqlite;
using BowInbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Foundation;

/// <summary>On SQLite, new rows of one kind go in one INSERT and rows changed in the same columns in one UPDATE: exactly as SaveChanges would write them.</summary>
public sealed class SetBasedSaveTests : IDisposable
{
    private static readonly DateTime At = new DateTime(2026, 12, 2, 7, 5, 7, DateTimeKind.Utc).AddTicks(1234567);

    // A database in memory, shared by this test's contexts; it lives while this connection is open.
    private readonly SqliteConnection keeper = new($"Data Source=set-based-save-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    public void Dispose() => keeper.Dispose();

    [Fact]
    public async Task Rows_changed_in_the_same_columns_read_back_as_SaveChanges_writes_them_from_one_update()
    {
        // EF Core decides for a second at a time whether anyone listens to its commands: the log starts first.
        using var commands = new CommandLog();
        await using var db = await MigratedSqliteAsync();
        var contact = await ContactAsync(db);
        var bySet = await TicketsAsync(db, contact, 3);
        var bySaveChanges = await TicketsAsync(db, contact, 3);
        string?[] previews = ["it's {0}; DROP TABLE \"Tickets\"; --", "Ünïcødé ✓ 🚰", "plain"];

        Change(bySet, previews);
        await SetBasedSave.SaveChangesAsync(db, CancellationToken.None);
        Assert.Equal(1, TicketUpdates(commands, db));

        Change(bySaveChanges, previews);
        await db.SaveChangesAsync();

        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        var (set, saved) = (stored[..3], stored[3..]);
        Assert.Equal(saved.Select(Columns), set.Select(Columns));
        Assert.Equal(previews, set.Select(t => t.LastMessagePreview));
        Assert.All(set, t => Assert.Equal((At, DateTimeKind.Utc, (DateTime?)null), (t.LastActivityAt, t.LastActivityAt.Kind, t.WaitingSince)));
        var lastOfSet = set[^1].Id;
        Assert.Equal(3, await check.Tickets.CountAsync(t => t.LastActivityAt == At && t.Id <= lastOfSet));
    }

    [Fact]
    public async Task New_rows_of_one_kind_read_back_as_SaveChanges_writes_them_from_one_insert_and_get_their_ids()
    {
        using var commands = new CommandLog();
        await using var db = await MigratedSqliteAsync();
        var contact = await ContactAsync(db);
        var bySet = NewTickets(contact, ["it's {0}; DROP TABLE \"Tickets\"; --", "Ünïcødé ✓ 🚰", null, "fourth"]);
        db.Tickets.AddRange(bySet);
        await SetBasedSave.SaveChangesAsync(db, CancellationToken.None);
        Assert.Equal(1, Commands(commands, db, "INSERT INTO \"Tickets\""));

        var bySaveChanges = NewTickets(contact, ["it's {0}; DROP TABLE \"Tickets\"; --", "Ünïcødé ✓ 🚰", null, "fourth"]);
        db.Tickets.AddRange(bySaveChanges);
        await db.SaveChangesAsync();

        Assert.All(bySet, t => Assert.Equal(EntityState.Unchanged, db.Entry(t).State));
        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().ToDictionaryAsync(t => t.Id);
        Assert.Equal(bySet.Select(t => t.Notes), bySet.Select(t => stored[t.Id].Notes));
        Assert.Equal(bySaveChanges.Select(t => Columns(stored[t.Id])), bySet.Select(t => Columns(stored[t.Id])));
        Assert.All(bySet, t => Assert.Equal(DateTimeKind.Utc, stored[t.Id].CreatedAt.Kind));
    }

    [Fact]
    public async Task New_rows_pointing_at_new_rows_are_written_after_them_with_their_ids()
    {
        await using var db = await MigratedSqliteAsync();
        var contacts = Enumerable.Range(0, 3).Select(i => new Contact { WaIdHash = $"new-{i}", WaIdProtected = "p", Alias = $"T-new-{i}", CreatedAt = At }).ToList();
        var tickets = contacts.Select(c => new Ticket { Contact = c, CreatedAt = At, LastActivityAt = At, Status = TicketStatus.New, Notes = c.Alias }).ToList();
        db.Tickets.AddRange(tickets);

        await SetBasedSave.SaveChangesAsync(db, CancellationToken.None);

        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().Include(t => t.Contact).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(contacts.Select(c => (c.Id, (string?)c.Alias)), stored.Select(t => (t.ContactId, t.Notes)));
        Assert.Equal(contacts.Select(c => c.Alias), stored.Select(t => t.Contact!.Alias));
    }

    [Fact]
    public async Task A_refused_insert_fails_the_save_and_nothing_is_written()
    {
        await using var db = await MigratedSqliteAsync();
        var contact = await ContactAsync(db);
        var tickets = await TicketsAsync(db, contact, 2);
        tickets.ForEach(t => t.Notes = "changed");
        db.Contacts.AddRange(
            new Contact { WaIdHash = "twice", WaIdProtected = "p", Alias = "T-a", CreatedAt = At },
            new Contact { WaIdHash = "twice", WaIdProtected = "p", Alias = "T-b", CreatedAt = At });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SetBasedSave.SaveChangesAsync(db, CancellationToken.None));
        Assert.IsType<SqliteException>(refused.InnerException);

        await using var check = Open();
        Assert.Equal(1, await check.Contacts.CountAsync());
        Assert.Equal(0, await check.Tickets.CountAsync(t => t.Notes != null));
    }

    [Fact]
    public async Task Inserts_rows_changed_alone_and_rows_pointing_at_a_new_row_are_left_to_SaveChanges_and_all_are_saved()
    {
        await using var db = await MigratedSqliteAsync();
        var contact = await ContactAsync(db);
        var tickets = await TicketsAsync(db, contact, 3);
        var newcomer = new Contact { WaIdHash = "new", WaIdProtected = "p", Alias = "T-new", CreatedAt = At };
        db.Contacts.Add(newcomer);
        tickets[0].UnreadCount = 7;
        foreach (var moved in tickets[1..])
        {
            moved.Contact = newcomer;
            moved.Notes = "moved";
        }

        await SetBasedSave.SaveChangesAsync(db, CancellationToken.None);

        await using var check = Open();
        var stored = await check.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([(7, contact.Id, (string?)null), (0, newcomer.Id, "moved"), (0, newcomer.Id, "moved")], stored.Select(t => (t.UnreadCount, t.ContactId, t.Notes)));
    }

    [Fact]
    public async Task Saved_rows_are_left_unchanged_so_the_next_save_writes_nothing()
    {
        await using var db = await MigratedSqliteAsync();
        var tickets = await TicketsAsync(db, await ContactAsync(db), 2);
        tickets.ForEach(t => t.UnreadCount++);
        await SetBasedSave.SaveChangesAsync(db, CancellationToken.None);

        using var commands = new CommandLog();
        await db.SaveChangesAsync();

        Assert.Empty(commands.ByContext.Where(c => c.Key.Context == db.ContextId).SelectMany(c => c.Value));
        Assert.All(tickets, t => Assert.Equal(EntityState.Unchanged, db.Entry(t).State));
    }

    [Fact]
    public async Task A_row_deleted_since_it_was_read_fails_the_save_and_nothing_is_written()
    {
        await using var db = await MigratedSqliteAsync();
        var contact = await ContactAsync(db);
        var tickets = await TicketsAsync(db, contact, 2);
        var added = new Contact { WaIdHash = "added", WaIdProtected = "p", Alias = "T-added", CreatedAt = At };
        db.Contacts.Add(added);
        tickets.ForEach(t => t.Notes = "changed");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Tickets\" WHERE \"Id\" = {0}", tickets[1].Id);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => SetBasedSave.SaveChangesAsync(db, CancellationToken.None));

        await using var check = Open();
        Assert.Null((await check.Tickets.AsNoTracking().SingleAsync(t => t.Id == tickets[0].Id)).Notes);
        Assert.False(await check.Contacts.AnyAsync(c => c.WaIdHash == "added"));
    }

    private static int TicketUpdates(CommandLog commands, InboxDbContext db) => Commands(commands, db, "UPDATE \"Tickets\"");

    private static int Commands(CommandLog commands, InboxDbContext db, string text)
        => commands.ByContext.Where(c => c.Key.Context == db.ContextId).SelectMany(c => c.Value).Count(sql => sql.Contains(text, StringComparison.Ordinal));

    private static List<Ticket> NewTickets(Contact contact, string?[] notes)
        => notes.Select((n, i) => new Ticket { ContactId = contact.Id, CreatedAt = At.AddMinutes(i), LastActivityAt = At, Status = TicketStatus.New, Notes = n, UnreadCount = i }).ToList();

    private static void Change(List<Ticket> tickets, string?[] previews)
    {
        for (var i = 0; i < tickets.Count; i++)
        {
            tickets[i].LastActivityAt = At;
            tickets[i].UnreadCount += i + 1;
            tickets[i].LastMessagePreview = previews[i];
            tickets[i].WaitingSince = null;
            tickets[i].Status = TicketStatus.Assigned;
        }
    }

    private static object Columns(Ticket t) => (t.LastActivityAt, t.UnreadCount, t.LastMessagePreview, t.WaitingSince, t.Status, t.CreatedAt, t.ContactId);

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
    private SqliteInboxDbContext Open()
        => new(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite(keeper.ConnectionString).Options);
}
