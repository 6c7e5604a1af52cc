using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>Tells supervisors about raised and acknowledged SLA alerts (see <see cref="AlertBroadcast{TEvent}"/>).</summary>
public sealed class SlaAlertNotifier(IDbContextFactory<InboxDbContext> contexts, IHubContext<InboxHub> hub, ILogger<SlaAlertNotifier> logger)
    : AlertBroadcast<SlaAlertEvent>(hub, ClientMethod, logger)
{
    public const string ClientMethod = "SlaAlert";

    public async Task NotifyAsync(long alertId, AlertChange change, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await SlaAlertQueries.Views(db, db.SlaAlerts.Where(a => a.Id == alertId)).FirstOrDefaultAsync(cancellationToken);
        if (alert is not null)
        {
            await BroadcastAsync(new SlaAlertEvent(change, alert), alertId, cancellationToken);
        }
    }
}
