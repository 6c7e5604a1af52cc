using System.Text;
using BowInbox.Core.Channel;
using BowInbox.Data.Sqlite;
using BowInbox.Tests.Support;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Privacy;

/// <summary>A database from a version that stored payloads in clear, started with this one.</summary>
public sealed class LegacyPayloadTests
{
    private const string Caller = "61412345678";
    private const string CardPhone = "+61 412 345 678";

    [Fact]
    public async Task Payloads_stored_in_clear_are_encrypted_at_start_and_still_processed()
    {
        string folder;
        await using (var first = new InboxAppFactory { KeepFolder = true })
        {
            _ = first.Server;
            folder = first.Folder;
        }

        var processed = Webhooks.Text(Caller, "processed before the upgrade", "wamid.OLD");
        var pending = Webhooks.Text(Caller, "pending at the upgrade", "wamid.PENDING");
        var held = $$"""{"Wamid":"wamid.HELD","From":"","PhoneNumberId":"100000000000011","Timestamp":"2026-01-01T00:00:00Z","Type":"contacts","SharedContacts":[{"Name":"Maria","Phones":["{{CardPhone}}"],"Emails":[]}]}""";
        var options = new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "inbox.db")}").Options;
        await using (var db = new SqliteInboxDbContext(options))
        {
            // As the earlier version left them, which had no record of encrypting anything.
            db.Settings.RemoveRange(db.Settings.Where(s => s.Key == LegacyPayloadEncryption.DoneKey));
            db.InboundEvents.AddRange(
                new InboundEvent { Payload = processed, ReceivedAt = DateTime.UtcNow.AddDays(-1), ProcessedAt = DateTime.UtcNow.AddDays(-1), Attempts = 1 },
                new InboundEvent { Payload = pending, ReceivedAt = DateTime.UtcNow });
            db.UnroutedMessages.Add(new UnroutedMessage
            {
                Wamid = "wamid.HELD",
                PhoneNumberId = "100000000000011",
                FromHash = "hash",
                FromProtected = "protected",
                Type = "contacts",
                RawJson = held,
                Reason = UnroutedReason.ProviderPool,
                ReceivedAt = DateTime.UtcNow,
                HandledAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var restarted = new InboxAppFactory(folder) { KeepFolder = true };
        try
        {
            _ = restarted.Server;
            await using var check = restarted.CreateDbContext();
            await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Wamid == "wamid.PENDING"), "the pending event to be processed");
            var payloads = restarted.Services.GetRequiredService<StoredPayloads>();
            var events = await check.InboundEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync();
            Assert.All(events, e => Assert.False(StoredPayloads.IsPlainJson(e)));
            Assert.Equal([processed, pending], events.Select(payloads.Unprotect));
            var kept = await check.UnroutedMessages.AsNoTracking().SingleAsync(m => m.Wamid == "wamid.HELD");
            Assert.False(StoredPayloads.IsPlainJson(kept.RawJson));
            Assert.Equal([CardPhone], Assert.Single(payloads.ReadMessage(kept.RawJson)!.SharedContacts).Phones);
            Assert.True(await check.Settings.AnyAsync(s => s.Key == LegacyPayloadEncryption.DoneKey));

            // Stopped: nothing of the clear text is left in the file, overwritten rows included.
            await restarted.DisposeAsync();
            var file = await File.ReadAllBytesAsync(Path.Combine(folder, "inbox.db"));
            foreach (var number in new[] { Caller, CardPhone, "412345678" })
            {
                Assert.False(file.AsSpan().IndexOf(Encoding.UTF8.GetBytes(number)) >= 0, $"the database holds {number}");
            }
        }
        finally
        {
            await restarted.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
