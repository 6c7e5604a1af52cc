using System.Globalization;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using BowInbox.Web.Observability;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>
/// Raises a ticket's due warnings and breaches exactly once. The alert row is inserted first; its unique index on
/// (ticket, target, level, due time) turns a second insert by an overlapping or restarted run into a no-op, and only
/// the run whose insert succeeded takes the breach actions.
/// </summary>
public sealed class SlaAlertRaiser(
    IDbContextFactory<InboxDbContext> contexts,
    SlaAlertNotifier notifier,
    SlaBreachTexts breachTexts,
    InboxEvents events,
    ITicketRouter ticketRouter,
    InboxMetrics metrics,
    ILogger<SlaAlertRaiser> logger)
{
    public const string Actor = "SLA monitor";

    /// <summary>Re-queueing hands the ticket to another provider, which only makes sense before the provider is at work.</summary>
    public static bool CanRequeue(SlaTargetKind kind) => kind is SlaTargetKind.OfferAcceptance or SlaTargetKind.ProviderFirstContact;

    /// <returns>How many alerts this call raised.</returns>
    public async Task<int> RaiseDueAsync(int ticketId, IReadOnlyList<SlaDue> dues, DateTime now, CancellationToken cancellationToken)
    {
        List<(SlaTargetKind Kind, SlaAlertLevel Level, DateTime DueAt)> recorded;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var rows = await db.SlaAlerts.AsNoTracking().Where(a => a.TicketId == ticketId)
                .Select(a => new { a.Kind, a.Level, a.DueAt }).ToListAsync(cancellationToken);
            recorded = rows.Select(r => (r.Kind, r.Level, Key(r.DueAt))).ToList();
        }

        // Alerts count as raised only for the clock's current due time: a new wait or a new offer may alert again.
        var alreadyRaised = recorded
            .Where(r => dues.Any(d => d.Kind == r.Kind && d.DueAt is { } due && Key(due) == r.DueAt))
            .Select(r => (r.Kind, r.Level))
            .ToHashSet();

        var raised = 0;
        foreach (var alert in SlaAlertDecision.Due(dues, now, alreadyRaised))
        {
            var dueAt = Key(dues.Single(d => d.Kind == alert.Kind).DueAt!.Value);
            if (await TryRaiseAsync(ticketId, alert, dueAt, now, cancellationToken))
            {
                raised++;
            }
        }

        return raised;
    }

    /// <summary>Due times are compared and stored at whole milliseconds, which every database provider keeps exactly.</summary>
    public static DateTime Key(DateTime dueAt) =>
        DateTime.SpecifyKind(new DateTime(dueAt.Ticks - (dueAt.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Utc);

    private async Task<bool> TryRaiseAsync(int ticketId, SlaAlert alert, DateTime dueAt, DateTime now, CancellationToken cancellationToken)
    {
        var breach = alert.Level == SlaAlertLevel.Breach;
        var router = breach && alert.Actions.HasFlag(SlaBreachAction.Requeue) && CanRequeue(alert.Kind)
            ? ticketRouter
            : null;

        // A re-queue escalates by itself when nobody is left, so escalation here is for when no re-queue happens.
        var escalate = breach && alert.Actions.HasFlag(SlaBreachAction.Escalate) && router is null;
        var detail = Describe(alert, dueAt);
        long alertId;
        var texted = 0;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null)
            {
                return false;
            }

            var record = new SlaAlertRecord
            {
                TicketId = ticketId,
                Kind = alert.Kind,
                Level = alert.Level,
                DueAt = dueAt,
                RaisedAt = now,
                Responsible = await ResponsibleAsync(db, ticket, cancellationToken),
            };
            db.SlaAlerts.Add(record);
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = breach ? "sla-breach" : "sla-warning", Detail = detail, Actor = Actor });
            if (escalate && ticket.TryMoveTo(TicketStatus.Escalated))
            {
                ticket.LastActivityAt = now;
                db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "status", Detail = $"Escalated: {detail}", Actor = Actor });
            }

            if (breach)
            {
                // In the alert's transaction: a breach raised twice (overlapping runs) is texted once.
                texted = await breachTexts.QueueAsync(db, ticketId, detail, cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (await WasRaisedAsync(ticketId, alert, dueAt, cancellationToken))
                {
                    return false;
                }

                throw;
            }

            alertId = record.Id;
        }

        metrics.SlaAlertRaised(alert);
        logger.LogInformation("SLA {Level} on ticket {TicketId}: {Detail}", alert.Level, ticketId, detail);
        if (texted > 0)
        {
            breachTexts.NotifySender();
            logger.LogInformation("SLA breach on ticket {TicketId} texted to {Count} supervisor(s) on WhatsApp", ticketId, texted);
        }

        await events.PublishAsync(new TicketChanged(ticketId, breach ? "sla-breach" : "sla-warning"));
        await notifier.NotifyAsync(alertId, AlertChange.Raised, cancellationToken);
        if (breach && alert.Actions.HasFlag(SlaBreachAction.Requeue) && CanRequeue(alert.Kind))
        {
            await RequeueAsync(ticketId, detail, cancellationToken);
        }

        return true;
    }

    private async Task RequeueAsync(int ticketId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await ticketRouter.RequeueAsync(ticketId, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Re-queueing ticket {TicketId} after an SLA breach failed", ticketId);
        }
    }

    // A fresh context: the failed one still holds the rejected row.
    private async Task<bool> WasRaisedAsync(int ticketId, SlaAlert alert, DateTime dueAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SlaAlerts.AnyAsync(a => a.TicketId == ticketId && a.Kind == alert.Kind && a.Level == alert.Level && a.DueAt == dueAt, cancellationToken);
    }

    private static async Task<string?> ResponsibleAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        if (ticket.ProviderId is { } providerId)
        {
            return await db.Providers.Where(p => p.Id == providerId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        return ticket.AssigneeUserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    private static string Describe(SlaAlert alert, DateTime dueAt) => alert.Level == SlaAlertLevel.Breach
        ? string.Create(CultureInfo.InvariantCulture, $"{SlaLabels.Target(alert.Kind)} was due {dueAt:yyyy-MM-dd HH:mm} UTC and is late")
        : string.Create(CultureInfo.InvariantCulture, $"{SlaLabels.Target(alert.Kind)} is due {dueAt:yyyy-MM-dd HH:mm} UTC");
}
