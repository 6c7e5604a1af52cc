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
}

/// <summary>
/// Appends to the hash-chained audit log. Appends are serialised in-process and run in a transaction
/// that reads the last hash, so the chain never forks. No code path updates or deletes an entry.
/// </summary>
public sealed class AuditLog(IDbContextFactory<InboxDbContext> contexts, TimeProvider time, ILogger<AuditLog> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(string actor, string action, string target, string details, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken) ?? AuditChain.Genesis;
            var now = time.GetUtcNow().UtcDateTime;
            var entry = new AuditEntry
            {
                // Stored at microsecond precision so the hash recomputes identically on every provider.
                At = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
                Actor = Truncate(actor, 256),
                Action = Truncate(action, 64),
                Target = Truncate(target, 256),
                Details = Truncate(details, 4000),
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not write audit entry {Action} on {Target}", action, target);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
