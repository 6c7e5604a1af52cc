using System.Text.RegularExpressions;
using BowInbox.Core.Insurance;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>
/// The configured insurers with their policy patterns compiled once; <see cref="DeskServices"/> are the service types of
/// their desk groups ("insurance"), and <see cref="OnlyInsurance"/> says every group is such a service (a pure insurance
/// marketplace, where a new request is an insurance request before the customer says anything).
/// </summary>
public sealed record InsurerSnapshot(IReadOnlyList<Insurer> Insurers, IReadOnlyList<Regex> PolicyPatterns, IReadOnlySet<string> DeskServices, bool OnlyInsurance)
{
    public static InsurerSnapshot Empty { get; } = new([], [], new HashSet<string>(), false);

    public bool Any => Insurers.Count > 0;

    public Insurer? Find(int? id) => id is null ? null : Insurers.FirstOrDefault(i => i.Id == id);
}

/// <summary>
/// The insurers every relayed message is read against, held in memory: the relay's per-message query budget has no
/// room for another read, and insurers change rarely. Saving one refreshes this instance at once; other instances of
/// the app see the change within <see cref="MaxAge"/>.
/// </summary>
public sealed class InsurerCatalog(IDbContextFactory<InboxDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim loading = new(1, 1);
    private (InsurerSnapshot Snapshot, DateTimeOffset At)? current;

    public async Task<InsurerSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } fresh && time.GetUtcNow() - fresh.At < MaxAge)
        {
            return fresh.Snapshot;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (current is { } loaded && time.GetUtcNow() - loaded.At < MaxAge)
            {
                return loaded.Snapshot;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var insurers = await db.Insurers.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
            var groups = insurers.Count == 0 ? [] : await db.ProviderGroups.AsNoTracking().Select(g => new { g.Id, g.ServiceType }).ToListAsync(cancellationToken);
            var deskIds = insurers.Select(i => i.DeskGroupId).ToHashSet();
            var deskServices = groups.Where(g => deskIds.Contains(g.Id)).Select(g => g.ServiceType).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var snapshot = insurers.Count == 0 ? InsurerSnapshot.Empty : new InsurerSnapshot(
                insurers, BowInbox.Core.Insurance.PolicyPatterns.Compile(insurers.SelectMany(i => i.PatternList)), deskServices, groups.All(g => deskServices.Contains(g.ServiceType)));
            current = (snapshot, time.GetUtcNow());
            return snapshot;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Forgets the snapshot after a change, so the next read sees it.</summary>
    public void Changed() => current = null;

    /// <summary><paramref name="policy"/> with the insurers' policy patterns, so the scanner never reads a policy number as a phone.</summary>
    public async Task<ContentPolicy> WithPolicyPatternsAsync(ContentPolicy policy, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken);
        return snapshot.PolicyPatterns.Count == 0 ? policy : policy with { PolicyNumberPatterns = snapshot.PolicyPatterns };
    }
}
