using BowInbox.Core.Alerts;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Alerts;

/// <summary>A supervisor alert committed with its cause; <see cref="SupervisorAlertWorker"/> pushes it live.</summary>
public sealed record SupervisorAlertRaised(int TicketId, string Key) : InboxChange(TicketId);

/// <summary>Raises supervisor alerts in the caller's unit of work, so an alert exists exactly when its cause was committed.</summary>
public static class SupervisorAlerts
{
    /// <summary>
    /// Adds the alert unless one with the same key exists (the cause is being processed again); the caller saves and,
    /// after committing, publishes the returned change. The key's unique index settles a race between two writers.
    /// </summary>
    public static async Task<SupervisorAlertRaised?> RaiseAsync(
        InboxDbContext db, SupervisorAlertKind kind, string key, int? ticketId, int? providerId, string summary, DateTime now, CancellationToken cancellationToken)
    {
        if (db.FirstTracked<SupervisorAlert>(a => a.Key == key) is not null || await db.SupervisorAlerts.AnyAsync(a => a.Key == key, cancellationToken))
        {
            return null;
        }

        db.SupervisorAlerts.Add(new SupervisorAlert
        {
            Kind = kind,
            Key = key,
            TicketId = ticketId,
            ProviderId = providerId,
            Summary = summary.Length <= SupervisorAlert.MaxSummaryLength ? summary : summary[..(SupervisorAlert.MaxSummaryLength - 1)] + "…",
            RaisedAt = now,
        });
        return new SupervisorAlertRaised(ticketId ?? 0, key);
    }

    public static string Label(SupervisorAlertKind kind) => kind switch
    {
        SupervisorAlertKind.ContentFlagged => "Content flagged",
        SupervisorAlertKind.ProviderPaused => "Provider paused",
        SupervisorAlertKind.TicketEscalated => "Escalated",
        SupervisorAlertKind.HeldForReview => "Held for review",
        SupervisorAlertKind.HeldReviewOverdue => "Held review overdue",
        SupervisorAlertKind.CustomerPaused => "Customer paused",
        SupervisorAlertKind.SendingStopped => "Sending stopped",
        SupervisorAlertKind.WebhookDisabled => "Webhook disabled",
        SupervisorAlertKind.LowRating => "Low rating",
        _ => kind.ToString(),
    };
}
