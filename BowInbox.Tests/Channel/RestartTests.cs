using BowInbox.Core.Channel;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Channel;

public sealed class RestartTests
{
    [Fact]
    public async Task Event_stored_but_not_processed_before_a_crash_is_processed_after_restart()
    {
        string folder;
        await using (var first = new InboxAppFactory { KeepFolder = true })
        {
            _ = first.Server;
            folder = first.Folder;
        }

        // The crash: the webhook was stored and answered, the process died before processing it.
        var options = new DbContextOptionsBuilder<BowInbox.Data.Sqlite.SqliteInboxDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "inbox.db")}").Options;
        await using (var db = new BowInbox.Data.Sqlite.SqliteInboxDbContext(options))
        {
            db.InboundEvents.Add(new InboundEvent { Payload = Webhooks.Text("15557000009", "stored before the crash", "wamid.CRASH"), ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = new InboxAppFactory(folder);
        _ = restarted.Server;

        await using var check = restarted.CreateDbContext();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Wamid == "wamid.CRASH"), "the stored event to be processed after restart");
        Assert.Equal("stored before the crash", (await check.Messages.SingleAsync()).Text);
        Assert.Null(await check.InboundEvents.Select(e => e.ProcessedAt).FirstOrDefaultAsync(p => p == null));
    }
}
