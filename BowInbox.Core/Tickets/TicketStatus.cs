namespace BowInbox.Core.Tickets;

public enum TicketStatus
{
    New = 0,
    Qualified = 1,
    Offered = 2,
    Assigned = 3,
    Resolved = 4,
    Closed = 5,
    Requeued = 6,
    Escalated = 7,
}
