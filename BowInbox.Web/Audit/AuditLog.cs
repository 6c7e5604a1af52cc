using BowInbox.Core.Audit;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Audit;

/// <summary>Audit actions written by the product; one vocabulary so the audit page can filter on it.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string TranscriptViewed = "transcript-viewed";
    public const string TranscriptExported = "transcript-exported";
    public const string NumberRevealed = "number-revealed";
    public const string OriginalRevealed = "original-revealed";
    public const string Reassigned = "reassigned";
    public const string ProviderPaused = "provider-paused";
    public const string RoleChanged = "role-changed";
    public const string UserCreated = "user-created";
    public const string PolicyChanged = "policy-changed";
    public const string SlaChanged = "sla-changed";
    public const string AlertAcknowledged = "alert-acknowledged";
    public const string CommandNumberChanged = "command-number-changed";
    public const string UserDeactivated = "user-deactivated";
    public const string UserReactivated = "user-reactivated";
    public const string HeldApproved = "held-approved";
    public const string HeldRejected = "held-rejected";
    public const string HeldMediaViewed = "held-media-viewed";
    public const string CustomerPaused = "customer-paused";
    public const string PauseLifted = "pause-lifted";
    public const string PauseThresholdsChanged = "pause-thresholds-changed";
    public const string NumberChanged = "number-changed";
    public const string CannedReplyChanged = "canned-reply-changed";
    public const string ProviderIdentityChanged = "provider-identity-changed";
    public const string ApiKeyCreated = "api-key-created";
    public const string ApiKeyRevoked = "api-key-revoked";
}

/// <summary>One audit entry to append: who did what to which target.</summary>
public sealed record AuditRecord(string Actor, string Action, string Target, string Details);

/// <summary>
/// Appends to the keyed hash chain (<see cref="AuditChain"/>). An entry takes the position after the current head; the
/// unique index on <see cref="AuditEntry.Sequence"/> lets only one writer take a position, on any number of servers, and
/// the one that loses reads the new head and tries again. A change saved with <see cref="SaveWithAsync"/> commits in
/// the same SaveChanges (one transaction) as its entry: both or neither. No code path updates or deletes an entry.
/// </summary>
public sealed class AuditLog(IDbContextFactory<InboxDbContext> contexts, AuditKey key, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>Enough for dozens of writers appending at the same instant: each round lets at least one through.</summary>
    private const int MaxAttempts = 64;

    /// <summary>Records something that changed nothing else (a view, a reveal, an export) on its own.</summary>
    public async Task WriteAsync(string actor, string action, string target, string details, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await SaveWithAsync(db, new AuditRecord(actor, action, target, details), cancellationToken);
    }

    /// <summary>
    /// Saves the changes pending in <paramref name="db"/> together with their audit entry, in one SaveChanges: if the
    /// entry cannot be written, the change is not saved either. Inside the caller's transaction EF Core rolls a failed
    /// attempt back to a savepoint, so the retry on a new head keeps the rest of that transaction.
    /// </summary>
    public async Task<int> SaveWithAsync(InboxDbContext db, AuditRecord record, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var entry = new AuditEntry
        {
            // Stored at microsecond precision so the hash recomputes identically on every provider.
            At = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
            Actor = Truncate(record.Actor, 256),
            Action = Truncate(record.Action, 64),
            Target = Truncate(record.Target, 256),
            Details = Truncate(record.Details, 4000),
            HashVersion = AuditChain.KeyedVersion,
        };
        db.AuditEntries.Add(entry);
        for (var attempt = 1; ; attempt++)
        {
            var head = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
            entry.Sequence = (head?.Sequence ?? 0) + 1;
            entry.PreviousHash = head?.Hash ?? AuditChain.Genesis;
            entry.Hash = AuditChain.ComputeHash(entry, key.Bytes);
            try
            {
                return await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (PositionTaken(ex) && attempt < MaxAttempts)
            {
                logger.LogDebug("Audit position {Sequence} taken by another writer; retrying on the new head", entry.Sequence);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), time, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not write audit entry {Action} on {Target}", record.Action, record.Target);
                db.Entry(entry).State = EntityState.Detached;
                throw;
            }
        }
    }

    /// <summary>Another writer took this position first (the unique index on the sequence, named by each provider's message).</summary>
    private static bool PositionTaken(DbUpdateException ex)
    {
        for (Exception? e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("IX_AuditEntries_Sequence", StringComparison.Ordinal)
                || e.Message.Contains("AuditEntries.Sequence", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
