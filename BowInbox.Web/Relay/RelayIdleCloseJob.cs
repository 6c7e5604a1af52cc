using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// Closes relay sessions idle for longer than the Admin's time-to-live (<see cref="RelaySettings.IdleTtlKey"/>).
/// Each session is claimed by a conditional update, so two runs at once close it, and tell its provider, once. The
/// ticket stays Assigned to its provider: the customer writing again reopens the relay (<see cref="RelayForwarder.ReopenOrScreenAsync"/>).
/// </summary>
public sealed class RelayIdleCloseJob(IDbContextFactory<InboxDbContext> contexts, RelayDelivery delivery, InboxEvents events, TimeProvider time, ILogger<RelayIdleCloseJob> logger)
{
    public const string JobId = "relay-idle-close";

    /// <summary>How an idle close's reason starts, so a relay closed for idleness is told from one closed for good.</summary>
    public const string ReasonPrefix = "idle for";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await RelaySettings.IdleTtlDaysAsync(db, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var idleSince = now.AddDays(-days);
        var idle = await db.RelaySessions.AsNoTracking().Where(s => s.ClosedAt == null && s.LastActivityAt < idleSince)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.TicketId, s.ProviderId, s.PoolPhoneNumberId }).Take(500).ToListAsync(cancellationToken);

        var closed = 0;
        foreach (var session in idle)
        {
            var reason = $"{ReasonPrefix} {days} days";
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.RelaySessions.Where(s => s.Id == session.Id && s.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, now).SetProperty(r => r.CloseReason, reason), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            db.TicketEvents.Add(new TicketEvent { TicketId = session.TicketId, At = now, Kind = "relay-closed", Detail = $"Relay closed: {reason}" });
            var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.ProviderId, cancellationToken);
            if (provider is not null && RelayDelivery.RecipientOf(provider) is { } to)
            {
                await delivery.SendTextAsync(db, session.PoolPhoneNumberId, to, RelayNotices.IdleClosed(session.TicketId, days), RelayNotices.IdleClosedTemplatePayload(session.TicketId, days), null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            closed++;
            await events.PublishAsync(new TicketChanged(session.TicketId, "relay-closed"));
        }

        if (closed > 0)
        {
            delivery.NotifySender();
            logger.LogInformation("Closed {Count} relay session(s) idle for more than {Days} days", closed, days);
        }

        return closed;
    }
}
