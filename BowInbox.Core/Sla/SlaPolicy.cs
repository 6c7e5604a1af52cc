using BowInbox.Core.Tickets;

namespace BowInbox.Core.Sla;

/// <summary>The targets that apply to a group's tickets of one urgency, counted in the group's business hours.</summary>
/// <param name="GroupId">The provider group; null for the intake policy that applies before a ticket has a group.</param>
public sealed record SlaPolicy(int? GroupId, Urgency Urgency, IReadOnlyList<SlaTarget> Targets, BusinessCalendar Calendar);
