using BowInbox.Core.Audit;
using BowInbox.Data;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Whether the app is subscribed to each number's WhatsApp Business Account, checked at start and when an admin asks
/// at /admin/numbers, and the Subscribe action (audited in its own transaction, like every number edit).
/// </summary>
public sealed class WabaSubscriptions(IDbContextFactory<InboxDbContext> contexts, IServiceScopeFactory scopes, AuditLog audit, TimeProvider time, ILogger<WabaSubscriptions> logger)
{
    /// <summary>Checks every active number that has a WABA id, one call per account; returns the errors met.</summary>
    public async Task<IReadOnlyList<string>> CheckAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.ProxyNumbers.Where(n => n.Active && n.WabaId != null).Select(n => n.WabaId!).Distinct().ToListAsync(cancellationToken);
        var errors = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<WabaSubscriptionClient>();
        foreach (var wabaId in accounts)
        {
            var answer = await client.CheckAsync(wabaId, cancellationToken);
            if (answer.Error is not null)
            {
                errors.Add($"WABA {wabaId}: {answer.Error}");
                continue;
            }

            var now = time.GetUtcNow().UtcDateTime;
            await db.ProxyNumbers.Where(n => n.WabaId == wabaId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.WabaSubscribed, answer.Subscribed).SetProperty(n => n.WabaCheckedAt, now), cancellationToken);
            if (answer.Subscribed == false)
            {
                logger.LogWarning("The app is not subscribed to WhatsApp Business Account {WabaId}: no webhook arrives for its numbers; subscribe at /admin/numbers", wabaId);
            }
        }

        return errors;
    }

    /// <summary>Subscribes the app to the number's account; returns an error a person can act on, or null when done.</summary>
    public async Task<string?> SubscribeAsync(string actor, int numberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var number = await db.ProxyNumbers.FirstOrDefaultAsync(n => n.Id == numberId, cancellationToken);
        if (number?.WabaId is not { } wabaId)
        {
            return "Record the number's WhatsApp Business Account id first.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var answer = await scope.ServiceProvider.GetRequiredService<WabaSubscriptionClient>().SubscribeAsync(wabaId, cancellationToken);
        if (answer.Error is not null || answer.Subscribed != true)
        {
            return answer.Error ?? "Meta did not confirm the subscription.";
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var sameAccount in await db.ProxyNumbers.Where(n => n.WabaId == wabaId).ToListAsync(cancellationToken))
        {
            (sameAccount.WabaSubscribed, sameAccount.WabaCheckedAt) = (true, now);
        }

        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.NumberChanged, $"number:{number.PhoneNumberId}", $"app subscribed to WABA {wabaId}"), cancellationToken);
        return null;
    }
}
