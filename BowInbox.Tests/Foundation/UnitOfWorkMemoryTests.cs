using BowInbox.Data;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Foundation;

/// <summary>
/// What a unit of work may remember instead of asking the database again: settings read once, off unless the
/// owner turns it on. (What an inbound group knows about its rows: <c>InboundGroupSnapshotTests</c>.)
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
}
