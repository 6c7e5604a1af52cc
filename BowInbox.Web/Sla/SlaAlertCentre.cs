using System.Globalization;
using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>What supervisors do with SLA alerts: read the open ones and acknowledge them with a note (audited).</summary>
public sealed class SlaAlertCentre(IDbContextFactory<InboxDbContext> contexts, SlaAlertNotifier notifier, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 100;

    /// <summary>Newest first; acknowledged ones only when asked. Empty for anyone but Supervisors and Admins.</summary>
    public async Task<IReadOnlyList<SlaAlertView>> ListAsync(ClaimsPrincipal user, bool includeAcknowledged, CancellationToken cancellationToken = default)
    {
        if (!AlertAudience.MaySee(user))
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
        if (AlertAcknowledgement.Refusal(user, note, "SLA alerts") is { } refusal)
        {
            return refusal;
        }

        var actor = AlertAcknowledgement.Actor(user);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The acknowledgement and its audit entry commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await AlertAcknowledgement.RecordAsync(db.SlaAlerts, alertId, actor, note!.Trim(), now, cancellationToken) is { } notChanged)
            {
                return notChanged;
            }

            var alert = await db.SlaAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId, cancellationToken);
            await audit.SaveWithAsync(db, new AuditRecord(
                actor,
                AuditActions.AlertAcknowledged,
                $"ticket:{alert.TicketId}",
                string.Create(CultureInfo.InvariantCulture, $"{SlaLabels.Target(alert.Kind)} {SlaLabels.Level(alert.Level).ToLowerInvariant()} due {alert.DueAt:u}; note: {note!.Trim()}")), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.NotifyAsync(alertId, AlertChange.Acknowledged, cancellationToken);
        return ActionResult.Ok("Alert acknowledged");
    }
}
