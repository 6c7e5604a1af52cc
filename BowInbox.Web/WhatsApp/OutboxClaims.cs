using BowInbox.Core.Channel;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Claims due outbox rows for one sender with one atomic UPDATE, so two senders (or two app instances) never send a
/// row twice, and never a recipient's row while one before it waits for a retry or is being sent by another sender.
/// </summary>
internal sealed class OutboxClaims(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, TimeProvider time)
{
    // Compiled: a claim runs for every few sends, and a compiled query skips re-reading its LINQ each time.
    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, IAsyncEnumerable<long>>> DueIds = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, int max) => db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now).OrderBy(o => o.Id).Select(o => o.Id).Take(max)));

    // A recipient's messages keep their order. Their next row is held back while one of theirs waits for its retry
    // (a due one is claimed first, being older) or is being sent by another sender (another server); behind this
    // sender's own sends it waits in memory instead (see OutboxSender.Start). Read once per claim, by the status index: usually
    // there are none, and a check per due row cost 26 times the claim's own read with a backlog of 300 rows.
    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, string, IAsyncEnumerable<string>>> HeldRecipients = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, string ownClaims) => db.Outbox
            .Where(o => o.RecipientHash != null
                && ((o.Status == OutboxStatus.Pending && o.NextAttemptAt > now) || (o.Status == OutboxStatus.Sending && !o.LockedBy!.StartsWith(ownClaims))))
            .Select(o => o.RecipientHash!).Distinct()));

    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, List<string>, IAsyncEnumerable<long>>> DueIdsExcept = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, int max, List<string> held) => db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now && (o.RecipientHash == null || !held.Contains(o.RecipientHash)))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, IAsyncEnumerable<OutboxMessage>>> ClaimedBy = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string claim) => db.Outbox.AsNoTracking().Where(o => o.LockedBy == claim && o.Status == OutboxStatus.Sending)));

    /// <summary>Starts every claim id of this sender, so its claims are told from another sender's (another server's).</summary>
    private readonly string ownClaims = Guid.NewGuid().ToString("N")[..16] + "-";

    public async Task<List<OutboxMessage>> ClaimAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var held = await HeldRecipients.For(db)(db, now, ownClaims).ToListAsync(cancellationToken);
        var due = held.Count == 0
            ? await DueIds.For(db)(db, now, max).ToListAsync(cancellationToken)
            : await DueIdsExcept.For(db)(db, now, max, held).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        // The status condition is re-checked inside the UPDATE: of two racing claimers only one changes a row.
        var claim = ownClaims + Guid.NewGuid().ToString("N");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => due.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.LockedBy, claim).SetProperty(o => o.LockedUntil, now + OutboxSender.Lease), cancellationToken);
        }

        // In the order they were written, so a recipient's sends are started in turn (the query reads them by status,
        // in no set order; they are few, so they are sorted here).
        var claimed = await ClaimedBy.For(db)(db, claim).ToListAsync(cancellationToken);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }
}
