using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>
/// Tells supervisors about raised and acknowledged alerts: over the inbox hub to the Supervisor and Admin role
/// groups only (never technicians or intake), and in-process to the circuits' <see cref="SlaAlertFeed"/>s.
/// </summary>
public sealed class SlaAlertNotifier(IDbContextFactory<InboxDbContext> contexts, IHubContext<InboxHub> hub, ILogger<SlaAlertNotifier> logger)
{
    public const string ClientMethod = "SlaAlert";

    public static readonly IReadOnlyList<string> Recipients = [InboxGroups.Role(Roles.Supervisor), InboxGroups.Role(Roles.Admin)];

    private readonly List<Func<SlaAlertEvent, Task>> subscribers = [];
    private readonly Lock gate = new();

    public IDisposable Subscribe(Func<SlaAlertEvent, Task> handler)
    {
        lock (gate)
        {
            subscribers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (gate)
            {
                subscribers.Remove(handler);
            }
        });
    }

    public async Task NotifyAsync(long alertId, SlaAlertChange change, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await SlaAlertQueries.Views(db, db.SlaAlerts.Where(a => a.Id == alertId)).FirstOrDefaultAsync(cancellationToken);
        if (alert is null)
        {
            return;
        }

        var raised = new SlaAlertEvent(change, alert);
        try
        {
            await hub.Clients.Groups(Recipients).SendAsync(ClientMethod, raised, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SLA alert {AlertId} was not pushed to the hub", alertId);
        }

        Func<SlaAlertEvent, Task>[] current;
        lock (gate)
        {
            current = [.. subscribers];
        }

        foreach (var subscriber in current)
        {
            try
            {
                await subscriber(raised);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "An SLA alert listener failed for alert {AlertId}", alertId);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
