using BowInbox.Core.Tickets;

namespace BowInbox.Core.Routing;

/// <summary>What the rules made of a request, with one reason per decision for the ticket timeline.</summary>
public sealed record Qualification(string? ServiceType, string? Area, Urgency Urgency, IReadOnlyList<string> Reasons)
{
    /// <summary>True when the request can be routed: both service and area are known.</summary>
    public bool IsComplete => ServiceType is not null && Area is not null;
}
