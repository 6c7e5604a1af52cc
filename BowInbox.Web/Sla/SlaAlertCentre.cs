using System.Globalization;
using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>What supervisors do with SLA alerts: read the open ones and acknowledge them with a note (audited).</summary>
public sealed class SlaAlertCentre(IDbContextFactory<InboxDbContext> contexts, SlaAlertNotifier notifier, AuditLog audit, TimeProvider time)
{
    public const int MaxNoteLength = 2000;
    public const int PageSize = 100;

    /// <summary>Newest first; acknowledged ones only when asked. Empty for anyone but Supervisors and Admins.</summary>
    public async Task<IReadOnlyList<SlaAlertView>> ListAsync(ClaimsPrincipal user, bool includeAcknowledged, CancellationToken cancellationToken = default)
    {
        if (!SlaAlertFeed.MaySee(user))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alerts = db.SlaAlerts.AsNoTracking()
            .Where(a => includeAcknowledged || a.AcknowledgedAt == null)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(PageSize);
        var views = await SlaAlertQueries.Views(db, alerts).ToListAsync(cancellationToken);
        return views.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToList();
    }

    public async Task<ActionResult> AcknowledgeAsync(ClaimsPrincipal user, long alertId, string? note, CancellationToken cancellationToken = default)
    {
        if (!SlaAlertFeed.MaySee(user))
        {
            return ActionResult.Fail("Only Supervisors and Admins acknowledge SLA alerts.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return ActionResult.Fail("Say what was done about it: a note is required.");
        }

        if (note.Length > MaxNoteLength)
        {
            return ActionResult.Fail($"Notes are limited to {MaxNoteLength:N0} characters.");
        }

        var actor = user.Identity?.Name ?? TicketAccess.UserId(user) ?? "unknown";
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Conditional on not yet acknowledged, so two supervisors acknowledging at once record only the first.
        var changed = await db.SlaAlerts.Where(a => a.Id == alertId && a.AcknowledgedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, actor).SetProperty(a => a.AcknowledgeNote, note.Trim()),
            cancellationToken);
        if (changed == 0)
        {
            var by = await db.SlaAlerts.Where(a => a.Id == alertId).Select(a => a.AcknowledgedBy).FirstOrDefaultAsync(cancellationToken);
            return ActionResult.Fail(by is null ? "That alert does not exist." : $"Already acknowledged by {by}.");
        }

        var alert = await db.SlaAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId, cancellationToken);
        await audit.WriteAsync(
            actor,
            AuditActions.AlertAcknowledged,
            $"ticket:{alert.TicketId}",
            string.Create(CultureInfo.InvariantCulture, $"{SlaLabels.Target(alert.Kind)} {SlaLabels.Level(alert.Level).ToLowerInvariant()} due {alert.DueAt:u}; note: {note.Trim()}"),
            cancellationToken);
        await notifier.NotifyAsync(alertId, SlaAlertChange.Acknowledged, cancellationToken);
        return ActionResult.Ok("Alert acknowledged");
    }
}
