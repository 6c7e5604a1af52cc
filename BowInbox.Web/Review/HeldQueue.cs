using BowInbox.Core.Audit;
using BowInbox.Core.Review;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Review;

/// <summary>One held item as the supervisor queue shows it: who, why, what the scanner found (masked), and its state.</summary>
public sealed record HeldItemView(
    long Id,
    int TicketId,
    string Alias,
    SenderKind Sender,
    HeldReason Reason,
    string Detail,
    HeldStatus Status,
    DateTime HeldAt,
    DateTime DueAt,
    string? MediaMimeType,
    bool HasMedia,
    string? Text,
    IReadOnlyList<string> Findings,
    string? DecidedBy,
    DateTime? DecidedAt)
{
    public bool IsImage => MediaMimeType?.Split(';')[0].Trim().ToLowerInvariant() is "image/jpeg" or "image/png" or "image/webp" or "image/gif";
}

/// <summary>The reads behind <c>/supervisor/held</c>: waiting items first (oldest due first), then the latest decided.</summary>
public sealed class HeldQueue(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<IReadOnlyList<HeldItemView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await Query(db, db.HeldItems.Where(h => h.Status == HeldStatus.Waiting).OrderBy(h => h.DueAt).Take(200)).ToListAsync(cancellationToken);
        var decided = await Query(db, db.HeldItems.Where(h => h.Status != HeldStatus.Waiting).OrderByDescending(h => h.DecidedAt).Take(20)).ToListAsync(cancellationToken);
        var rows = waiting.OrderBy(r => r.DueAt).Concat(decided.OrderByDescending(r => r.DecidedAt)).ToList();
        var messageIds = rows.Select(r => r.MessageId).ToList();
        var texts = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.Text }).ToDictionaryAsync(m => m.Id, m => m.Text, cancellationToken);
        var findings = (await db.PolicyViolations.AsNoTracking().Where(v => v.MessageId != null && messageIds.Contains(v.MessageId.Value))
            .Select(v => new { v.MessageId, v.Kind, v.Found, v.Action }).ToListAsync(cancellationToken))
            .ToLookup(v => v.MessageId!.Value, v => $"{ViolationLabels.Of(v.Kind)}: {v.Found} ({v.Action})");
        return rows.ConvertAll(r => new HeldItemView(
            r.Id, r.TicketId, r.Alias ?? "customer", r.Sender, r.Reason, r.Detail, r.Status, r.HeldAt, r.DueAt, r.MediaMimeType, r.MediaId != null,
            NumberMask.Mask(texts.GetValueOrDefault(r.MessageId)), findings[r.MessageId].ToList(), r.DecidedBy, r.DecidedAt));
    }

    private static IQueryable<Row> Query(InboxDbContext db, IQueryable<HeldItem> items)
        => from h in items.AsNoTracking()
           join t in db.Tickets on h.TicketId equals t.Id
           select new Row(h.Id, h.TicketId, h.MessageId, t.Contact!.Alias, h.Sender, h.Reason, h.Detail, h.Status, h.HeldAt, h.DueAt, h.MediaId, h.MediaMimeType, h.DecidedBy, h.DecidedAt);

    private sealed record Row(
        long Id, int TicketId, long MessageId, string? Alias, SenderKind Sender, HeldReason Reason, string Detail, HeldStatus Status, DateTime HeldAt, DateTime DueAt,
        string? MediaId, string? MediaMimeType, string? DecidedBy, DateTime? DecidedAt);
}
