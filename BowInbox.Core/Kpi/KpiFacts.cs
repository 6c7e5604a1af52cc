using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Core.Kpi;

/// <summary>What the KPIs need of a ticket. <see cref="CreatedAt"/> is the customer's first message.</summary>
public sealed record TicketFacts(
    int Id,
    DateTime CreatedAt,
    DateTime? FirstHumanReplyAt,
    DateTime? OfferedAt,
    DateTime? AcceptedAt,
    DateTime? ProviderFirstMessageAt,
    DateTime? ResolvedAt,
    TicketStatus Status,
    int? GroupId,
    int? ProviderId,
    string? ServiceType,
    DateTime? ArrivalConfirmedAt = null,
    string Channel = TicketChannels.WhatsApp);

public sealed record OfferFacts(int TicketId, int ProviderId, OfferStatus Status, DateTime OfferedAt, DateTime? RespondedAt);

public sealed record ViolationFacts(int TicketId, ViolationKind Kind, PolicyAction Action, int? ProviderId);

public sealed record SlaAlertFacts(int TicketId, SlaTargetKind Kind, SlaAlertLevel Level);

/// <summary>A real number shown to a supervisor on a ticket (audited with a reason): a leakage incident of its own.</summary>
public sealed record RevealFacts(int TicketId, DateTime At);

/// <summary>A status change on a ticket's timeline (the status it moved to).</summary>
public sealed record StatusChangeFacts(int TicketId, TicketStatus To);

/// <summary>Everything loaded for one KPI period; the tickets are those created in it, the rest belongs to those tickets.</summary>
public sealed record KpiFacts(
    IReadOnlyList<TicketFacts> Tickets,
    IReadOnlyList<OfferFacts> Offers,
    IReadOnlyList<ViolationFacts> Violations,
    IReadOnlyList<SlaAlertFacts> SlaAlerts,
    IReadOnlyList<StatusChangeFacts> StatusChanges)
{
    public static KpiFacts Empty { get; } = new([], [], [], [], []);

    /// <summary>Number reveals on these tickets.</summary>
    public IReadOnlyList<RevealFacts> Reveals { get; init; } = [];

    /// <summary>The same facts restricted to some tickets (a group's, a provider's), so every KPI can be cut the same way.</summary>
    public KpiFacts ForTickets(Func<TicketFacts, bool> include)
    {
        var tickets = Tickets.Where(include).ToList();
        var ids = tickets.Select(t => t.Id).ToHashSet();
        return new KpiFacts(
            tickets,
            Offers.Where(o => ids.Contains(o.TicketId)).ToList(),
            Violations.Where(v => ids.Contains(v.TicketId)).ToList(),
            SlaAlerts.Where(a => ids.Contains(a.TicketId)).ToList(),
            StatusChanges.Where(s => ids.Contains(s.TicketId)).ToList())
        {
            Reveals = Reveals.Where(r => ids.Contains(r.TicketId)).ToList(),
        };
    }
}
