using BowInbox.Core.Contacts;
using BowInbox.Data;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Foundation;

/// <summary>
/// What a unit of work may remember instead of asking the database again: settings read once, and "every row
/// for this key is tracked" marks. Both are off unless the owner turns them on, and a mark never outlives the
/// tracked rows it speaks for.
/// </summary>
public sealed class UnitOfWorkMemoryTests
{
    [Fact]
    public async Task A_read_is_remembered_only_once_the_unit_of_work_asks_for_it()
    {
        await using var app = new InboxAppFactory();
        await using var db = app.CreateDbContext();
        var reads = 0;
        Task<int> Read(InboxDbContext _, CancellationToken __) => Task.FromResult(++reads);

        Assert.Equal(1, await db.ReadOnceAsync("key", Read, CancellationToken.None));
        Assert.Equal(2, await db.ReadOnceAsync("key", Read, CancellationToken.None));

        db.RememberReads();
        Assert.Equal(3, await db.ReadOnceAsync("key", Read, CancellationToken.None));
        Assert.Equal(3, await db.ReadOnceAsync("key", Read, CancellationToken.None));
        Assert.Equal(4, await db.ReadOnceAsync("other", Read, CancellationToken.None));
    }

    [Fact]
    public async Task A_loaded_mark_needs_remembered_reads_and_is_forgotten_with_the_tracked_rows()
    {
        await using var app = new InboxAppFactory();
        await using var db = app.CreateDbContext();

        db.MarkLoaded("contact:x");
        Assert.False(db.IsLoaded("contact:x"));

        db.RememberReads();
        db.MarkLoaded("contact:x");
        db.Contacts.Attach(new Contact { Id = 41, WaIdHash = "x", WaIdProtected = "p", Alias = "T41" });
        Assert.True(db.IsLoaded("contact:x"));
        Assert.False(db.IsLoaded("contact:y"));

        db.ClearTracked();
        Assert.False(db.IsLoaded("contact:x"));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task The_latest_tracked_match_is_the_one_with_the_highest_order_and_deleted_rows_do_not_count()
    {
        await using var app = new InboxAppFactory();
        await using var db = app.CreateDbContext();
        Contact Tracked(int id, string hash) => db.Contacts.Attach(new Contact { Id = id, WaIdHash = hash, WaIdProtected = "p", Alias = $"T{id}" }).Entity;
        var older = Tracked(7, "same");
        var newest = Tracked(9, "same");
        Tracked(12, "other");

        Assert.Same(newest, db.LatestTracked<Contact>(c => c.WaIdHash == "same", c => c.Id));
        db.Entry(newest).State = EntityState.Deleted;
        Assert.Same(older, db.LatestTracked<Contact>(c => c.WaIdHash == "same", c => c.Id));
        Assert.Null(db.LatestTracked<Contact>(c => c.WaIdHash == "none", c => c.Id));
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
    }
}
