using System.Globalization;
using System.Security.Claims;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>One line of the /admin/sla table: a group (or intake) and urgency, its own policy if any, and what applies.</summary>
public sealed record SlaPolicyRow(int? GroupId, string GroupName, Urgency Urgency, SlaPolicy? Policy, string AppliesText);

/// <summary>Admins' reads and edits of SLA policies; every change is audited.</summary>
public sealed class SlaPolicyAdministration(
    IDbContextFactory<InboxDbContext> contexts,
    SlaPolicyResolver resolver,
    AuditLog audit,
    IBackgroundJobClient jobs,
    TimeProvider time)
{
    public const string IntakeName = "Intake (before routing)";

    public async Task<IReadOnlyList<SlaPolicyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await db.ProviderGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var policies = resolver.Parse(await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken));
        var names = groups.ToDictionary(g => g.Id, g => g.Name);

        var rows = new List<SlaPolicyRow>();
        foreach (var (groupId, name) in groups.Select(g => ((int?)g.Id, g.Name)).Prepend((null, IntakeName)))
        {
            foreach (var urgency in Enum.GetValues<Urgency>().Reverse())
            {
                var own = policies.GetValueOrDefault((groupId, urgency));
                var applied = SlaPolicyResolver.Resolve(policies, groupId, urgency);
                var applies = own is not null ? "Own policy"
                    : applied is null ? "No SLA: nothing is timed"
                    : $"Falls back to {(applied.GroupId is { } id ? names.GetValueOrDefault(id) : IntakeName)} · {applied.Urgency}";
                rows.Add(new SlaPolicyRow(groupId, name, urgency, own, applies));
            }
        }

        return rows;
    }

    public async Task<ActionResult> SaveAsync(ClaimsPrincipal user, SlaPolicyForm form, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return ActionResult.Fail("Only Admins change SLA policies.");
        }

        var (policy, errors) = form.ToPolicy();
        if (policy is null)
        {
            return ActionResult.Fail(string.Join(" ", errors));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (form.GroupId is { } groupId && !await db.ProviderGroups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return ActionResult.Fail("That provider group no longer exists.");
        }

        var record = await db.SlaPolicies.FirstOrDefaultAsync(p => p.GroupId == form.GroupId && p.Urgency == form.Urgency, cancellationToken);
        var before = record is null ? "none" : Summary(record.TargetsJson, record.CalendarJson);
        if (record is null)
        {
            record = new SlaPolicyRecord { GroupId = form.GroupId, Urgency = form.Urgency };
            db.SlaPolicies.Add(record);
        }

        record.TargetsJson = SlaPolicyJson.SerializeTargets(policy.Targets);
        record.CalendarJson = SlaPolicyJson.SerializeCalendar(policy.Calendar);
        record.UpdatedAt = time.GetUtcNow().UtcDateTime;

        var target = await TargetNameAsync(db, form.GroupId, form.Urgency, cancellationToken);
        await audit.SaveWithAsync(db, new AuditRecord(Actor(user), AuditActions.SlaChanged, target, $"before: {before}; after: {Summary(record.TargetsJson, record.CalendarJson)}"), cancellationToken);
        RecomputeOpenTickets();
        return ActionResult.Ok($"SLA policy saved for {target}.");
    }

    /// <summary>Removes a group's own policy, so its tickets fall back to the next one.</summary>
    public async Task<ActionResult> DeleteAsync(ClaimsPrincipal user, int? groupId, Urgency urgency, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return ActionResult.Fail("Only Admins change SLA policies.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.SlaPolicies.FirstOrDefaultAsync(p => p.GroupId == groupId && p.Urgency == urgency, cancellationToken);
        if (record is null)
        {
            return ActionResult.Fail("There is no policy to delete.");
        }

        db.SlaPolicies.Remove(record);
        var target = await TargetNameAsync(db, groupId, urgency, cancellationToken);
        await audit.SaveWithAsync(db, new AuditRecord(Actor(user), AuditActions.SlaChanged, target, $"deleted: {Summary(record.TargetsJson, record.CalendarJson)}"), cancellationToken);
        RecomputeOpenTickets();
        return ActionResult.Ok($"SLA policy deleted for {target}.");
    }

    /// <summary>"FirstResponse 5 min (warn 80%, Alert); 24/7" — what the audit log keeps of a policy.</summary>
    public static string Summary(string targetsJson, string calendarJson)
    {
        try
        {
            var targets = SlaPolicyJson.DeserializeTargets(targetsJson).Select(t =>
                string.Create(CultureInfo.InvariantCulture, $"{t.Kind} {t.Target.TotalMinutes:0.##} min (warn {t.WarningFraction * 100:0}%, {t.Actions})"));
            var calendar = SlaPolicyJson.DeserializeCalendar(calendarJson);
            return $"{string.Join(", ", targets)}; {(calendar.IsAlwaysOpen ? "24/7" : calendarJson)}";
        }
        catch (FormatException)
        {
            return $"{targetsJson}; {calendarJson}";
        }
    }

    // Open tickets' stored clocks follow the new policy now rather than at the monitor's next minute.
    private void RecomputeOpenTickets() => jobs.Enqueue<SlaMonitorJob>(job => job.RunAsync(CancellationToken.None));

    private static async Task<string> TargetNameAsync(InboxDbContext db, int? groupId, Urgency urgency, CancellationToken cancellationToken)
    {
        var name = groupId is null ? IntakeName : await db.ProviderGroups.Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        return $"sla:{name ?? groupId?.ToString(CultureInfo.InvariantCulture)}/{urgency}";
    }

    /// <summary>Who changed an SLA setting, as the audit log and the setting's row keep it.</summary>
    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? TicketAccess.UserId(user) ?? "unknown";
}
