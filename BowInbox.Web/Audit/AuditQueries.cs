using System.Reflection;
using BowInbox.Core.Audit;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Audit;

public sealed record AuditFilter(string? Action = null, string? Actor = null, DateTime? From = null, DateTime? To = null, string? Target = null);

public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string Target, string Details);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount);

/// <summary>The verdict on the whole chain: intact, or the first entry whose link is broken.</summary>
public sealed record ChainVerdict(int EntriesChecked, long? FirstBrokenId)
{
    public bool Intact => FirstBrokenId is null;
}

/// <summary>Reads the audit log for the audit page. Reads only: nothing here (or anywhere) updates or deletes an entry.</summary>
/// <summary>The latest entry of the chain: recorded outside the database, it proves later that nothing before it was rewritten.</summary>
public sealed record ChainHead(long Sequence, string Hash, DateTime At);

public sealed class AuditQueries(IDbContextFactory<InboxDbContext> contexts, AuditKey key)
{
    public const int MaxPageSize = 200;

    /// <summary>Every action the product writes, read from <see cref="AuditActions"/> so new ones appear without a change here.</summary>
    public static IReadOnlyList<string> KnownActions { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order()
        .ToList();

    public async Task<AuditPage> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim();
            query = query.Where(e => e.Target.Contains(target) || e.Details.Contains(target));
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.At, e.Actor, e.Action, e.Target, e.Details))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, total);
    }

    /// <summary>The latest entry's position and hash, or null while the chain is empty.</summary>
    public async Task<ChainHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash, e.At)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Walks the chain in position order, streaming rows from the database so a long log is never held in memory.</summary>
    public Task<ChainVerdict> VerifyAsync(CancellationToken cancellationToken = default) => Task.Run(() =>
    {
        using var db = contexts.CreateDbContext();
        var count = 0;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable().Select(e =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            count++;
            return e;
        });
        var broken = AuditChain.FirstBrokenLink(entries, key.Bytes);
        return new ChainVerdict(count, broken);
    }, cancellationToken);
}
