using BowInbox.Core.Alerts;
using BowInbox.Core.Webhooks;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Webhooks;

/// <summary>
/// Records a try: the attempt in the delivery log, the delivery delivered, retried later or dead-lettered, and the
/// subscription's failure count. A subscription failing for too long (or dead-lettering too often in a row) is
/// disabled in the same transaction as the alert that tells supervisors and admins.
/// </summary>
public sealed class WebhookDeliveryRecorder(
    IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, InboxEvents events, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryRecorder> logger)
{
    public async Task RecordAsync(ClaimedDelivery delivery, WebhookAttemptResult result, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.WebhookDeliveries.SingleAsync(d => d.Id == delivery.Id, cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var attempt = row.Attempts + 1;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = row.Id,
            SubscriptionId = subscription.Id,
            Attempt = attempt,
            At = now,
            StatusCode = result.StatusCode,
            LatencyMs = result.LatencyMs,
            Error = result.Error,
        });

        // A claim that ran out meanwhile belongs to another sender now: only the attempt is logged.
        SupervisorAlertRaised? raised = null;
        if (row.LockedBy == delivery.Claim && row.Status == WebhookDeliveryStatus.Sending)
        {
            row.Attempts = attempt;
            row.LastStatusCode = result.StatusCode;
            row.LastError = result.Error;
            row.LockedBy = null;
            row.LockedUntil = null;
            if (result.Succeeded)
            {
                row.Status = WebhookDeliveryStatus.Delivered;
                row.FinishedAt = now;
                subscription.ConsecutiveDeadLetters = 0;
                subscription.FailingSince = null;
            }
            else
            {
                subscription.FailingSince ??= now;
                if (WebhookRetrySchedule.NextAttempt(row.CreatedAt, attempt, now) is { } next)
                {
                    row.Status = WebhookDeliveryStatus.Pending;
                    row.NextAttemptAt = next;
                }
                else
                {
                    row.Status = WebhookDeliveryStatus.DeadLettered;
                    row.FinishedAt = now;
                    subscription.ConsecutiveDeadLetters++;
                    logger.LogWarning("Webhook delivery {DeliveryId} to subscription {SubscriptionId} dead-lettered after {Attempts} attempts", row.Id, subscription.Id, attempt);
                }

                raised = await DisableIfFailingAsync(db, subscription, now, cancellationToken);
            }
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        if (raised is not null)
        {
            await events.PublishAsync(raised);
        }
    }

    private async Task<SupervisorAlertRaised?> DisableIfFailingAsync(InboxDbContext db, WebhookSubscription subscription, DateTime now, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var reason = subscription.ConsecutiveDeadLetters >= limits.DisableAfterDeadLetters
            ? $"{subscription.ConsecutiveDeadLetters} deliveries in a row were dead-lettered"
            : subscription.FailingSince is { } since && now - since >= TimeSpan.FromHours(limits.DisableAfterFailingHours)
                ? $"every delivery failed for {limits.DisableAfterFailingHours} hours"
                : null;
        if (!subscription.Enabled || reason is null)
        {
            return null;
        }

        subscription.Enabled = false;
        subscription.DisabledReason = $"Disabled automatically at {now:yyyy-MM-dd HH:mm} UTC: {reason}.";
        logger.LogWarning("Webhook subscription {SubscriptionId} disabled: {Reason}", subscription.Id, reason);
        var summary = $"Outgoing events to {Host(subscription.Url)} were switched off: {reason}. An admin can look at the delivery log and turn them back on at /admin/webhooks.";
        return await SupervisorAlerts.RaiseAsync(db, SupervisorAlertKind.WebhookDisabled, $"webhook-disabled:{subscription.Id}:{now.Ticks}", null, null, summary, now, cancellationToken);
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "a subscriber";
}
