using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>
/// Which policy a ticket runs on: its group's policy for its urgency, else the group's normal policy, else the
/// intake policy (no group) for its urgency, else the normal intake policy, else none.
/// </summary>
public sealed class SlaPolicyResolver(ILogger<SlaPolicyResolver> logger)
{
    public static IEnumerable<(int? GroupId, Urgency Urgency)> Candidates(int? groupId, Urgency urgency)
    {
        if (groupId is not null)
        {
            yield return (groupId, urgency);
            yield return (groupId, Urgency.Normal);
        }

        yield return (null, urgency);
        yield return (null, Urgency.Normal);
    }

    /// <summary>Reads only the rows that can apply: the group's and the intake ones.</summary>
    public async Task<SlaPolicy?> ResolveAsync(InboxDbContext db, int? groupId, Urgency urgency, CancellationToken cancellationToken)
    {
        var records = await db.SlaPolicies.AsNoTracking()
            .Where(p => p.GroupId == null || p.GroupId == groupId)
            .ToListAsync(cancellationToken);
        return Resolve(Parse(records), groupId, urgency);
    }

    public static SlaPolicy? Resolve(IReadOnlyDictionary<(int? GroupId, Urgency Urgency), SlaPolicy> policies, int? groupId, Urgency urgency)
    {
        foreach (var key in Candidates(groupId, urgency))
        {
            if (policies.TryGetValue(key, out var policy))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>Parsed policies by (group, urgency); a row that cannot be read is left out and logged, so one bad row stops no clock.</summary>
    public IReadOnlyDictionary<(int? GroupId, Urgency Urgency), SlaPolicy> Parse(IEnumerable<SlaPolicyRecord> records)
    {
        var policies = new Dictionary<(int?, Urgency), SlaPolicy>();
        foreach (var record in records)
        {
            try
            {
                policies[(record.GroupId, record.Urgency)] = SlaPolicyJson.ToPolicy(record);
            }
            catch (FormatException ex)
            {
                logger.LogError(ex, "SLA policy {PolicyId} cannot be read and is ignored", record.Id);
            }
        }

        return policies;
    }
}
