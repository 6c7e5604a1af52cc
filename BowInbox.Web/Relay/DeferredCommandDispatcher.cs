using BowInbox.Core.Channel;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Identity;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

public sealed class DeferredCommandSignal : WorkSignal;

/// <summary>
/// Runs the provider commands that <see cref="IDeferredProviderCommandHandler"/>s claimed, after the message that
/// carried them is committed, and marks each handled. At start it looks at every held pool message again, so a
/// crash between storing and handling loses no command.
/// </summary>
public sealed class DeferredCommandDispatcher(
    IDbContextFactory<InboxDbContext> contexts,
    IEnumerable<IProviderCommandHandler> handlers,
    DeferredCommandSignal signal,
    BowInbox.Web.Privacy.StoredPayloads payloads,
    TimeProvider time,
    ILogger<DeferredCommandDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private long lastSeenId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Dispatching provider commands failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    /// <summary>Hands over held messages not looked at since start; returns how many were handled.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var deferred = handlers.OfType<IDeferredProviderCommandHandler>().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UnroutedMessages
            .Where(m => m.Reason == UnroutedReason.ProviderPool && m.HandledAt == null && m.Id > lastSeenId)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var row in rows)
        {
            lastSeenId = row.Id;
            // A provider deactivated (or no longer a Technician) since the command was held gets nothing done.
            var provider = await db.ActiveProviders().AsNoTracking().FirstOrDefaultAsync(p => p.WaIdHash == row.FromHash, cancellationToken);
            var inbound = provider is null ? null : payloads.ReadMessage(row.RawJson);
            if (provider is null || inbound is null)
            {
                continue;
            }

            // Messages the relay holds for a "which job" answer are not commands: no deferred handler claims them.
            var context = new ProviderCommandContext(db, provider, row.PhoneNumberId, inbound, inbound.Text ?? row.Text ?? "", inbound.ReplyId, inbound.ContextWamid ?? row.ContextWamid);
            var owner = deferred.FirstOrDefault(h => h.Claims(context));
            if (owner is not null && await owner.TryHandleAsync(context, cancellationToken))
            {
                row.HandledAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                handled++;
            }
        }

        return handled;
    }
}
