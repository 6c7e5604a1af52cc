using System.ComponentModel;

namespace BowInbox.Web.Api;

/// <summary>A confirmed booking between a named customer and a named technician.</summary>
/// <param name="WhatsApp">The customer's WhatsApp number with country code, or their BSUID. Stored protected; never shown back.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="ProviderId">The technician (provider) the booking is with.</param>
/// <param name="ExternalReference">The booking: one reference can own several sessions over time.</param>
/// <param name="Service">The service booked, shown to the technician in the briefing.</param>
/// <param name="Area">Where, shown to the technician in the briefing.</param>
public sealed record SessionBody(
    [property: Description("WhatsApp number with country code, or BSUID")] string? WhatsApp,
    string? Name,
    int? ProviderId,
    ExternalReferenceBody? ExternalReference,
    string? Service,
    string? Area);

/// <param name="State">"closed": ends the relay and resolves the ticket.</param>
/// <param name="Reason">Why, kept on the ticket's timeline (at most 200 characters).</param>
public sealed record SessionChangeBody([property: Description("closed")] string? State, string? Reason);

/// <summary>A relay session: the customer and technician talk through a pool number, neither sees the other's number.</summary>
public sealed record SessionView(
    long Id,
    int TicketId,
    [property: Description("open or closed")] string State,
    string CustomerAlias,
    int ProviderId,
    string Provider,
    DateTime OpenedAt,
    DateTime? ClosedAt,
    string? CloseReason,
    IReadOnlyList<ExternalReferenceBody> ExternalReferences);

public sealed record SessionList(IReadOnlyList<SessionView> Items);
