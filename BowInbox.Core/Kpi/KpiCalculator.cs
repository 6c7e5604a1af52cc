using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Core.Kpi;

/// <summary>
/// The supervisor KPIs over a set of tickets. Definitions (also shown on the dashboard):
/// first response = first human reply − first customer message; time to dispatch = acceptance − first
/// customer message; acceptance rate = accepted ÷ answered offers (accepted, declined or expired;
/// pending and withdrawn offers are not the provider's decision); containment = share of tickets with
/// no blocked or flagged violation (a redaction is contained: nothing left the platform); violations per
/// 100 conversations by kind; SLA compliance per target = 1 − tickets with a breach alert on it ÷
/// tickets the target applied to; jobs done = tickets resolved or closed with a provider.
/// </summary>
public static class KpiCalculator
{
    public static readonly TimeSpan FirstResponseThreshold = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DispatchThreshold = TimeSpan.FromMinutes(30);

    public static KpiReport Compute(KpiFacts facts)
    {
        var tickets = facts.Tickets;
        var firstResponses = tickets.Where(t => t.FirstHumanReplyAt is not null).Select(t => Positive(t.FirstHumanReplyAt!.Value - t.CreatedAt)).ToList();
        var dispatches = tickets.Where(t => t.AcceptedAt is not null).Select(t => Positive(t.AcceptedAt!.Value - t.CreatedAt)).ToList();

        var answered = facts.Offers.Where(o => o.Status is OfferStatus.Accepted or OfferStatus.Declined or OfferStatus.Expired).ToList();
        var leaked = facts.Violations.Where(v => v.Action is PolicyAction.Block or PolicyAction.Flag).Select(v => v.TicketId).ToHashSet();

        var per100 = Enum.GetValues<ViolationKind>().ToDictionary(
            kind => kind,
            kind => tickets.Count == 0 ? 0 : Math.Round(facts.Violations.Count(v => v.Kind == kind) * 100.0 / tickets.Count, 2));

        return new KpiReport(
            tickets.Count,
            DurationStats.From(firstResponses, FirstResponseThreshold),
            answered.Count == 0 ? null : (double)answered.Count(o => o.Status == OfferStatus.Accepted) / answered.Count,
            answered.Count,
            DurationStats.From(dispatches, DispatchThreshold),
            tickets.Count == 0 ? null : (double)tickets.Count(t => !leaked.Contains(t.Id)) / tickets.Count,
            per100,
            Enum.GetValues<SlaTargetKind>().Select(kind => Compliance(kind, facts)).ToList(),
            facts.StatusChanges.Count(s => s.To == TicketStatus.Requeued),
            facts.StatusChanges.Count(s => s.To == TicketStatus.Escalated),
            tickets.Count(IsJobDone));
    }

    public static bool IsJobDone(TicketFacts ticket)
        => ticket.ProviderId is not null && ticket.Status is TicketStatus.Resolved or TicketStatus.Closed;

    private static SlaCompliance Compliance(SlaTargetKind kind, KpiFacts facts)
    {
        var applicable = facts.Tickets.Where(t => AppliesTo(kind, t)).Select(t => t.Id).ToHashSet();
        var breached = facts.SlaAlerts
            .Where(a => a.Kind == kind && a.Level == SlaAlertLevel.Breach)
            .Select(a => a.TicketId)
            .Distinct()
            .Count(applicable.Contains);
        return new SlaCompliance(kind, applicable.Count, breached);
    }

    // A target applies only once its clock could have started: acceptance needs an offer, provider contact an acceptance.
    private static bool AppliesTo(SlaTargetKind kind, TicketFacts ticket) => kind switch
    {
        SlaTargetKind.OfferAcceptance => ticket.OfferedAt is not null,
        SlaTargetKind.ProviderFirstContact or SlaTargetKind.ArrivalWindow => ticket.AcceptedAt is not null,
        _ => true,
    };

    // Clocks on different machines can put a reply a moment before the message it answers; that is zero, not negative.
    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
