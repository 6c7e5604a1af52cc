namespace BowInbox.Core.Tickets;

/// <summary>One line on a ticket's timeline: status changes, assignments, routing decisions.</summary>
public class TicketEvent
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public DateTime At { get; set; }

    public string Kind { get; set; } = "";

    public string Detail { get; set; } = "";

    public string? Actor { get; set; }
}
