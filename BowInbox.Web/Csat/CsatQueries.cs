using BowInbox.Core.Csat;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Csat;

/// <summary>CSAT results for /supervisor: ratings given in a period, overall, per group and per technician (names only).</summary>
public sealed class CsatQueries(IDbContextFactory<InboxDbContext> contexts)
{
    public async Task<CsatReport> ReportAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = await db.CsatSurveys.AsNoTracking()
            .Where(s => s.Rating != null && s.RatedAt >= from && s.RatedAt < to)
            .Select(s => new CsatAnswer(s.Rating!.Value, s.GroupId, s.ProviderId)).ToListAsync(cancellationToken);
        var groupIds = answers.Where(a => a.GroupId is not null).Select(a => a.GroupId!.Value).Distinct().ToList();
        var providerIds = answers.Where(a => a.ProviderId is not null).Select(a => a.ProviderId!.Value).Distinct().ToList();
        var groups = await db.ProviderGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return CsatReport.Compute(answers, groups, providers);
    }
}
