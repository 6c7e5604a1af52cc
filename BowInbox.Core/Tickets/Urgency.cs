namespace BowInbox.Core.Tickets;

public enum Urgency
{
    Normal = 0,
    Urgent = 1,
}
