using System.Text.Json;
using BowInbox.Core.Channel;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>
/// Hands providers' messages on pool numbers (stored as unrouted) to the registered
/// <see cref="IProviderCommandHandler"/>s and marks the ones a handler took as handled. Messages no handler
/// takes stay unhandled for the relay. Interim: when the relay feature lands, its own pool processing asks
/// the handlers and this dispatcher is folded into it.
/// </summary>
public sealed class PoolCommandDispatcher(
    IDbContextFactory<InboxDbContext> contexts,
    IEnumerable<IProviderCommandHandler> handlers,
    TimeProvider time,
    ILogger<PoolCommandDispatcher> logger) : BackgroundService
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

            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>Looks at pool-number messages not seen since start; returns how many a handler took.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UnroutedMessages
            .Where(m => m.Reason == UnroutedReason.ProviderPool && m.HandledAt == null && m.Id > lastSeenId)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var handledCount = 0;
        foreach (var row in rows)
        {
            lastSeenId = row.Id;
            var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.WaIdHash == row.FromHash, cancellationToken);
            var inbound = provider is null ? null : JsonSerializer.Deserialize<InboundMessage>(row.RawJson);
            if (provider is null || inbound is null)
            {
                continue;
            }

            var context = new ProviderCommandContext(db, provider, row.PhoneNumberId, inbound, inbound.Text ?? row.Text ?? "", inbound.ReplyId, inbound.ContextWamid ?? row.ContextWamid);
            foreach (var handler in handlers)
            {
                if (await handler.TryHandleAsync(context, cancellationToken))
                {
                    row.HandledAt = time.GetUtcNow().UtcDateTime;
                    await db.SaveChangesAsync(cancellationToken);
                    handledCount++;
                    break;
                }
            }
        }

        return handledCount;
    }
}
