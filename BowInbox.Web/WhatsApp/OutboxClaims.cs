using System.Linq.Expressions;
using BowInbox.Core.Channel;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Claims due outbox rows for one sender with one atomic UPDATE, so two senders (or two app instances) never send a
/// row twice, and never a row while an earlier one in its conversation (from the same number of ours to the same
/// recipient) waits for a retry or is being sent by another sender.
/// </summary>
/// <param name="lease">How long a claim lasts (<see cref="WhatsAppOptions.SendLeaseSeconds"/>).</param>
internal sealed class OutboxClaims(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, TimeProvider time, TimeSpan lease)
{
    // Compiled: a claim runs for every few sends, and a compiled query skips re-reading its LINQ each time.
    internal static readonly Expression<Func<InboxDbContext, DateTime, int, IQueryable<long>>> DueIdsQuery =
        (db, now, max) => db.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now).OrderBy(o => o.Id).Select(o => o.Id).Take(max);

    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, IAsyncEnumerable<long>>> DueIds = new(() => EF.CompileAsyncQuery(DueIdsQuery));

    // A conversation's messages keep their order: what one of our numbers sends one recipient. Its next row is held
    // back while one of its rows waits for its retry (a due one is claimed first, being older) or is being sent by
    // another sender (another server); behind this sender's own sends it waits in memory instead (see
    // OutboxSender.Start). The same person's conversations with our other numbers go on: Meta's pair limit (131056),
    // the usual reason for a retry, is per pair too. Read once per claim, by the status index: usually there are
    // none, and a check per due row cost 26 times the claim's own read with a backlog of 300 rows.
    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, string, IAsyncEnumerable<string>>> HeldConversations = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, string ownClaims) => db.Outbox
            .Where(o => o.RecipientHash != null
                && ((o.Status == OutboxStatus.Pending && o.NextAttemptAt > now) || (o.Status == OutboxStatus.Sending && !o.LockedBy!.StartsWith(ownClaims))))
            .Select(o => o.FromPhoneNumberId + ConversationSeparator + o.RecipientHash).Distinct()));

    private static readonly CompiledPerProvider<Func<InboxDbContext, DateTime, int, List<string>, IAsyncEnumerable<long>>> DueIdsExcept = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, DateTime now, int max, List<string> held) => db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now
                && (o.RecipientHash == null || !held.Contains(o.FromPhoneNumberId + ConversationSeparator + o.RecipientHash)))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max)));

    // Rows to these recipients still waiting, or being sent by another sender: by the status index, like the held read.
    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, string, IAsyncEnumerable<UnfinishedRow>>> UnfinishedElsewhere = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> recipients, string ownClaims) => db.Outbox
            .Where(o => (o.Status == OutboxStatus.Pending || (o.Status == OutboxStatus.Sending && !o.LockedBy!.StartsWith(ownClaims)))
                && o.RecipientHash != null && recipients.Contains(o.RecipientHash))
            .Select(o => new UnfinishedRow(o.Id, o.FromPhoneNumberId, o.RecipientHash!))));

    /// <summary>Between our number's id (digits) and the recipient's hash in a conversation's key.</summary>
    private const string ConversationSeparator = "|";

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, IAsyncEnumerable<OutboxMessage>>> ClaimedBy = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string claim) => db.Outbox.AsNoTracking().Where(o => o.LockedBy == claim && o.Status == OutboxStatus.Sending)));

    private sealed record UnfinishedRow(long Id, string FromPhoneNumberId, string RecipientHash);

    /// <summary>Starts every claim id of this sender, so its claims are told from another sender's (another server's).</summary>
    private readonly string ownClaims = Guid.NewGuid().ToString("N")[..16] + "-";

    public async Task<List<OutboxMessage>> ClaimAsync(int max, CancellationToken cancellationToken)
        => await TakeAsync(await DueAsync(max, cancellationToken), cancellationToken);

    /// <summary>The due rows this sender may claim, oldest first, leaving out conversations that are held.</summary>
    internal async Task<List<long>> DueAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var held = await HeldConversations.For(db)(db, now, ownClaims).ToListAsync(cancellationToken);
        return held.Count == 0
            ? await DueIds.For(db)(db, now, max).ToListAsync(cancellationToken)
            : await DueIdsExcept.For(db)(db, now, max, held).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims those of <paramref name="due"/> still pending, then gives back any that would overtake an earlier row in
    /// its conversation: the due rows were read before the claim, and meanwhile another server may have claimed
    /// that earlier row, or it may have been written (or put back for a retry) after the read.
    /// </summary>
    internal async Task<List<OutboxMessage>> TakeAsync(List<long> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        // The status condition is re-checked inside the UPDATE: of two racing claimers only one changes a row.
        var claim = ownClaims + Guid.NewGuid().ToString("N");
        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => due.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.LockedBy, claim).SetProperty(o => o.LockedUntil, now + lease), cancellationToken);
        }

        // In the order they were written, so a recipient's sends are started in turn (the query reads them by status,
        // in no set order; they are few, so they are sorted here).
        var claimed = await ClaimedBy.For(db)(db, claim).ToListAsync(cancellationToken);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return await GiveBackOvertakingAsync(db, claim, claimed, cancellationToken);
    }

    /// <summary>
    /// Read after the claim, so a row claimed by another server at the same moment is seen by at least one of the two:
    /// a claimed row goes only if no earlier row in its conversation is still pending, or being sent by another sender
    /// (this sender's own earlier sends it waits for in memory). The rest go back to pending, with no attempt counted.
    /// </summary>
    private async Task<List<OutboxMessage>> GiveBackOvertakingAsync(InboxDbContext db, string claim, List<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var recipients = claimed.Where(o => o.RecipientHash != null).Select(o => o.RecipientHash!).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return claimed;
        }

        var earliest = await UnfinishedElsewhere.For(db)(db, recipients, ownClaims).ToListAsync(cancellationToken);
        if (earliest.Count == 0)
        {
            return claimed;
        }

        var firstUnfinished = earliest.GroupBy(u => (u.FromPhoneNumberId, u.RecipientHash)).ToDictionary(g => g.Key, g => g.Min(u => u.Id));
        var overtaking = claimed
            .Where(o => o.RecipientHash != null && firstUnfinished.TryGetValue((o.FromPhoneNumberId, o.RecipientHash), out var first) && first < o.Id)
            .Select(o => o.Id)
            .ToList();
        if (overtaking.Count == 0)
        {
            return claimed;
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await db.Outbox
                .Where(o => overtaking.Contains(o.Id) && o.LockedBy == claim && o.Status == OutboxStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending).SetProperty(o => o.LockedBy, (string?)null).SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken);
        }

        return claimed.Where(o => !overtaking.Contains(o.Id)).ToList();
    }
}
