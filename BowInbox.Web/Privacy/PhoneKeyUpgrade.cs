using BowInbox.Core.Numbers;
using BowInbox.Core.Settings;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Privacy;

/// <summary>
/// At start, once: numbers hashed by a version before <see cref="PhoneKey"/> folded a number's written forms (Brazil's
/// ninth digit, Mexico's 521, Argentina's 549) are hashed again, so a customer, provider or command number stored in one
/// form is found when WhatsApp writes the other; conversation windows follow their customer's new hash. Rows whose hash
/// does not change are left as they are. A setting records that it ran.
/// </summary>
public sealed class PhoneKeyUpgrade(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    INumberProtector numbers,
    TimeProvider time,
    ILogger<PhoneKeyUpgrade> logger) : IHostedService
{
    public const string DoneKey = "privacy.phone-keys-folded";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Settings.AnyAsync(s => s.Key == DoneKey, cancellationToken))
        {
            return;
        }

        var moved = await RehashAsync(db, cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("Re-hashed {Count} phone number(s) stored in another written form", moved);
        }

        db.Settings.Add(new Setting { Key = DoneKey, Json = "true", UpdatedAt = time.GetUtcNow().UtcDateTime, UpdatedBy = "BowInbox" });
        using (await gate.EnterAsync(cancellationToken))
        {
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Re-hashes every stored number whose key changed; returns how many.</summary>
    public async Task<int> RehashAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        // Where both written forms were already two people, both stay as they are: people are never merged here.
        var contacts = await db.Contacts.ToListAsync(cancellationToken);
        var taken = contacts.Select(c => c.WaIdHash).ToHashSet(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            if (NewHash(contact.WaIdHash, contact.WaIdProtected) is { } hash && taken.Add(hash))
            {
                moves[contact.WaIdHash] = hash;
                contact.WaIdHash = hash;
            }
        }

        var providers = await db.Providers.Where(p => p.WaIdProtected != null).ToListAsync(cancellationToken);
        taken = providers.Select(p => p.WaIdHash!).ToHashSet(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (NewHash(provider.WaIdHash, provider.WaIdProtected) is { } hash && taken.Add(hash))
            {
                moves[provider.WaIdHash!] = hash;
                provider.WaIdHash = hash;
            }
        }

        foreach (var user in await db.Users.Where(u => u.WhatsAppProtected != null).ToListAsync(cancellationToken))
        {
            if (NewHash(user.WhatsAppHash, user.WhatsAppProtected) is { } hash)
            {
                moves[user.WhatsAppHash!] = hash;
                user.WhatsAppHash = hash;
            }
        }

        if (moves.Count > 0)
        {
            var old = moves.Keys.ToList();
            foreach (var window in await db.ConversationWindows.Where(w => old.Contains(w.WaIdHash)).ToListAsync(cancellationToken))
            {
                window.WaIdHash = moves[window.WaIdHash];
            }

            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return moves.Count;
    }

    private string? NewHash(string? stored, string? protectedNumber)
    {
        if (stored is null || protectedNumber is null)
        {
            return null;
        }

        var number = numbers.Unprotect(protectedNumber);
        var hash = numbers.Hash(number);
        return hash != stored && stored == numbers.LegacyHash(number) ? hash : null;
    }

    private async Task<bool> AnotherServerRecordedItAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settings.AnyAsync(s => s.Key == DoneKey, cancellationToken);
    }
}
