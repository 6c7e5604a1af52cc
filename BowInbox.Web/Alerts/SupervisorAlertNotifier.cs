using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Alerts;

/// <summary>Tells supervisors about raised and acknowledged supervisor alerts (see <see cref="AlertBroadcast{TEvent}"/>).</summary>
public sealed class SupervisorAlertNotifier(IDbContextFactory<InboxDbContext> contexts, IHubContext<InboxHub> hub, ILogger<SupervisorAlertNotifier> logger)
    : AlertBroadcast<SupervisorAlertEvent>(hub, ClientMethod, logger)
{
    public const string ClientMethod = "SupervisorAlert";

    public Task NotifyRaisedAsync(string key, CancellationToken cancellationToken = default)
        => NotifyAsync(db => db.SupervisorAlerts.Where(a => a.Key == key), AlertChange.Raised, cancellationToken);

    public Task NotifyAcknowledgedAsync(long alertId, CancellationToken cancellationToken = default)
        => NotifyAsync(db => db.SupervisorAlerts.Where(a => a.Id == alertId), AlertChange.Acknowledged, cancellationToken);

    private async Task NotifyAsync(Func<InboxDbContext, IQueryable<Core.Alerts.SupervisorAlert>> which, AlertChange change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await SupervisorAlertView.From(db, which(db)).FirstOrDefaultAsync(cancellationToken);
        if (alert is not null)
        {
            await BroadcastAsync(new SupervisorAlertEvent(change, alert), alert.Id, cancellationToken);
        }
    }
}

/// <summary>Pushes each committed <see cref="SupervisorAlertRaised"/> without slowing the transaction that published it.</summary>
public sealed class SupervisorAlertWorker(InboxEvents events, SupervisorAlertNotifier notifier, ILogger<SupervisorAlertWorker> logger)
    : InboxEventWorker<string>(events, logger, capacity: null)
{
    protected override bool TrySelect(InboxChange change, out string item)
    {
        item = (change as SupervisorAlertRaised)?.Key ?? "";
        return change is SupervisorAlertRaised;
    }

    protected override Task HandleAsync(string item, CancellationToken cancellationToken) => notifier.NotifyRaisedAsync(item, cancellationToken);
}

/// <summary>A circuit's view of supervisor alerts: only Supervisors and Admins get anything through.</summary>
public sealed class SupervisorAlertFeed(SupervisorAlertNotifier notifier) : AlertFeed<SupervisorAlertEvent>(notifier);
