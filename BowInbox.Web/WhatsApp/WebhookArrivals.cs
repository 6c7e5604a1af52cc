using System.Collections.Concurrent;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Writes down when a webhook about each of our numbers last arrived (shown at /admin/numbers, watched by
/// <see cref="NumberHealth"/>): at most once per <see cref="WriteEvery"/> per number, so a busy number costs one small
/// write every half minute, not one per webhook.
/// </summary>
public sealed class WebhookArrivals(IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, TimeProvider time, ILogger<WebhookArrivals> logger)
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTime> written = new();

    /// <summary>Records the numbers the parsed webhooks are about; a failure is logged, never thrown into the processing.</summary>
    public async Task RecordAsync(IEnumerable<ParsedWebhook?> webhooks, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = webhooks.OfType<ParsedWebhook>()
            .SelectMany(w => w.Messages.Select(m => m.PhoneNumberId).Concat(w.Statuses.Select(s => s.PhoneNumberId)))
            .Distinct()
            .Where(id => !written.TryGetValue(id, out var last) || now - last >= WriteEvery)
            .ToList();
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.ProxyNumbers.Where(n => due.Contains(n.PhoneNumberId))
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastWebhookAt, now), cancellationToken);
            }

            foreach (var id in due)
            {
                written[id] = now;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not record when the last webhook arrived");
        }
    }
}
