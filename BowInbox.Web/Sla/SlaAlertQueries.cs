using BowInbox.Core.Sla;
using BowInbox.Data;

namespace BowInbox.Web.Sla;

internal static class SlaAlertQueries
{
    /// <summary>Projected column by column, so nothing of the contact but its alias is loaded.</summary>
    public static IQueryable<SlaAlertView> Views(InboxDbContext db, IQueryable<SlaAlertRecord> alerts) =>
        from a in alerts
        join t in db.Tickets on a.TicketId equals t.Id
        select new SlaAlertView(
            a.Id,
            a.TicketId,
            t.Contact!.Alias,
            a.Kind,
            a.Level,
            a.DueAt,
            a.RaisedAt,
            t.Group != null ? t.Group.Name : null,
            a.Responsible,
            a.AcknowledgedBy,
            a.AcknowledgedAt,
            a.AcknowledgeNote)
        {
            ClockRunning = t.SlaKind == a.Kind && t.SlaDueAt != null,
        };
}
