using BowInbox.Core.Settings;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Privacy;

/// <summary>
/// At start, before the app takes webhooks or processes any, encrypts the payloads that a version before
/// <see cref="StoredPayloads"/> wrote in clear: webhook events and held pool messages. Each row is rewritten alone (its
/// other columns untouched), a batch per turn at the write gate; with secure delete on, the clear text is zeroed where it
/// was. When nothing is left, a setting records it, so later starts do not read the tables again.
/// </summary>
public sealed class LegacyPayloadEncryption(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    StoredPayloads payloads,
    TimeProvider time,
    ILogger<LegacyPayloadEncryption> logger) : IHostedService
{
    public const string DoneKey = "privacy.legacy-payloads-encrypted";

    private const int BatchSize = 100;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Settings.AnyAsync(s => s.Key == DoneKey, cancellationToken))
        {
            return;
        }

        var encrypted = await EncryptAsync(cancellationToken);
        if (encrypted > 0)
        {
            logger.LogInformation("Encrypted {Count} payload(s) stored in clear by an earlier version", encrypted);
        }

        db.Settings.Add(new Setting { Key = DoneKey, Json = "true", UpdatedAt = time.GetUtcNow().UtcDateTime, UpdatedBy = "BowInbox" });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Several web servers started together on one database: one of them may have recorded it first.
            if (!await AnotherServerRecordedItAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> AnotherServerRecordedItAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settings.AnyAsync(s => s.Key == DoneKey, cancellationToken);
    }

    /// <summary>Encrypts every payload still in clear (JSON starts with a brace, an encrypted one never does); returns how many.</summary>
    public async Task<int> EncryptAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int done;
        do
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var events = await db.InboundEvents.Where(e => e.Payload.StartsWith("{")).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            events.ForEach(e => e.Payload = payloads.Protect(e.Payload));
            var held = await db.UnroutedMessages.Where(m => m.RawJson.StartsWith("{")).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            held.ForEach(m => m.RawJson = payloads.Protect(m.RawJson));
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            done = events.Count + held.Count;
            total += done;
        }
        while (done > 0);

        return total;
    }
}
