using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>Runs the qualification rules over a ticket's customer messages, and explains a ticket's current qualification.</summary>
public static class TicketQualification
{
    public static async Task<Qualification> FromMessagesAsync(InboxDbContext db, int ticketId, QualificationRules rules, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Type, m.Text, m.Latitude, m.Longitude })
            .ToListAsync(cancellationToken);
        var texts = messages.Where(m => m.Type is "text" or "interactive" or "button" && m.Text != null).Select(m => m.Text!).ToList();
        var location = messages.LastOrDefault(m => m.Latitude != null && m.Longitude != null);
        return Qualifier.Qualify(texts, location is null ? null : (location.Latitude!.Value, location.Longitude!.Value), rules);
    }

    public static async Task<IReadOnlyList<string>> CustomerTextsAsync(InboxDbContext db, int ticketId, int take, CancellationToken cancellationToken)
        => await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.FromCustomer && m.Text != null && m.Type == "text")
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(take).Select(m => m.Text!).ToListAsync(cancellationToken);

    /// <summary>
    /// The ticket's service, area and urgency with a reason each: the rule's reason where the rules found the
    /// same value, "set by staff" where an intake agent filled the form differently.
    /// </summary>
    public static async Task<Qualification> ExplainAsync(InboxDbContext db, Ticket ticket, QualificationRules rules, CancellationToken cancellationToken)
    {
        var found = await FromMessagesAsync(db, ticket.Id, rules, cancellationToken);
        var reasons = new List<string>();
        AddReason(reasons, ticket.ServiceType, found.ServiceType, found.Reasons);
        AddReason(reasons, ticket.Area, found.Area, found.Reasons);
        if (ticket.Urgency == Urgency.Urgent)
        {
            reasons.Add(found.Urgency == Urgency.Urgent ? found.Reasons.First(r => r.StartsWith("urgent from", StringComparison.Ordinal)) : "urgent set by staff");
        }

        return new Qualification(ticket.ServiceType, ticket.Area, ticket.Urgency, reasons);
    }

    private static void AddReason(List<string> reasons, string? value, string? found, IReadOnlyList<string> foundReasons)
    {
        if (value is null)
        {
            return;
        }

        var ruleReason = found is not null && string.Equals(value, found, StringComparison.OrdinalIgnoreCase)
            ? foundReasons.FirstOrDefault(r => r.StartsWith(found + " from", StringComparison.Ordinal))
            : null;
        reasons.Add(ruleReason ?? $"{value} set by staff");
    }
}
