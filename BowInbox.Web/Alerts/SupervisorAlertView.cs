using BowInbox.Core.Alerts;
using BowInbox.Data;

namespace BowInbox.Web.Alerts;

/// <summary>A supervisor alert as supervisors see it, in the alert centre and over the hub: the customer by alias only.</summary>
public sealed record SupervisorAlertView(
    long Id,
    SupervisorAlertKind Kind,
    int TicketId,
    string CustomerAlias,
    string Summary,
    DateTime RaisedAt,
    string? AcknowledgedBy,
    DateTime? AcknowledgedAt,
    string? AcknowledgeNote)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Projected column by column, so nothing of the contact but its alias is loaded.</summary>
    internal static IQueryable<SupervisorAlertView> From(InboxDbContext db, IQueryable<SupervisorAlert> alerts) =>
        from a in alerts
        join t in db.Tickets on a.TicketId equals (int?)t.Id into tickets
        from t in tickets.DefaultIfEmpty() // an alert about one of our numbers has no ticket (0 here)
        select new SupervisorAlertView(a.Id, a.Kind, a.TicketId ?? 0, t == null ? "" : t.Contact!.Alias, a.Summary, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgeNote);
}

public sealed record SupervisorAlertEvent(AlertChange Change, SupervisorAlertView Alert);
