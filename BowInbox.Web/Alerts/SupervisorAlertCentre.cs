using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Alerts;

/// <summary>What supervisors do with operational alerts: read the open ones and acknowledge them with a note (audited).</summary>
public sealed class SupervisorAlertCentre(IDbContextFactory<InboxDbContext> contexts, SupervisorAlertNotifier notifier, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 100;

    /// <summary>Newest first; acknowledged ones only when asked. Empty for anyone but Supervisors and Admins.</summary>
    public async Task<IReadOnlyList<SupervisorAlertView>> ListAsync(ClaimsPrincipal user, bool includeAcknowledged, CancellationToken cancellationToken = default)
    {
        if (!AlertAudience.MaySee(user))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alerts = db.SupervisorAlerts.AsNoTracking()
            .Where(a => includeAcknowledged || a.AcknowledgedAt == null)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Take(PageSize);
        var views = await SupervisorAlertView.From(db, alerts).ToListAsync(cancellationToken);
        return views.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToList();
    }

    public async Task<ActionResult> AcknowledgeAsync(ClaimsPrincipal user, long alertId, string? note, CancellationToken cancellationToken = default)
    {
        if (AlertAcknowledgement.Refusal(user, note, "alerts") is { } refusal)
        {
            return refusal;
        }

        var actor = AlertAcknowledgement.Actor(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The acknowledgement and its audit entry commit together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await AlertAcknowledgement.RecordAsync(db.SupervisorAlerts, alertId, actor, note!.Trim(), time.GetUtcNow().UtcDateTime, cancellationToken) is { } notChanged)
            {
                return notChanged;
            }

            var alert = await db.SupervisorAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId, cancellationToken);
            await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.AlertAcknowledged, alert.TicketId is { } ticket ? $"ticket:{ticket}" : "numbers", $"{SupervisorAlerts.Label(alert.Kind)}: {alert.Summary}; note: {note.Trim()}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.NotifyAcknowledgedAsync(alertId, cancellationToken);
        return ActionResult.Ok("Alert acknowledged");
    }
}
