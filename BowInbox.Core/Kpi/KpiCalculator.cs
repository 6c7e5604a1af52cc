using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Core.Kpi;

/// <summary>
/// The supervisor KPIs over a set of tickets. Definitions (also shown on the dashboard):
/// first response = first human reply − first customer message; time to dispatch = arrival window confirmed −
/// first customer message; acceptance rate = accepted ÷ answered offers (accepted, declined or expired;
/// pending and withdrawn offers are not the provider's decision); scheduled rate = answered offers that were
/// accepted and then given an arrival window by the same provider ÷ answered offers; containment = share of
/// resolved conversations with no leak that got through (a flagged contact exchange is delivered; redacted
/// and blocked ones are caught attempts, counted apart); leakage incidents = contact details that got
/// through (flagged phone, email, link, handle, contact card) plus number reveals; violations per
/// 100 conversations by kind; SLA compliance per target = 1 − tickets with a breach alert on it ÷
/// tickets the target applied to; jobs done = tickets resolved or closed with a provider; leak attempts caught =
/// violations removed or blocked before they reached the other side; leaks through = violations flagged but sent unchanged.
/// </summary>
public static class KpiCalculator
{
    public static readonly TimeSpan FirstResponseThreshold = KpiGoals.FirstResponse;

    public static readonly TimeSpan DispatchThreshold = TimeSpan.FromMinutes(30);

    public static KpiReport Compute(KpiFacts facts)
    {
        var tickets = facts.Tickets;
        var firstResponses = tickets.Where(t => t.FirstHumanReplyAt is not null).Select(t => Positive(t.FirstHumanReplyAt!.Value - t.CreatedAt)).ToList();
        var dispatches = tickets.Where(t => t.ArrivalConfirmedAt is not null).Select(t => Positive(t.ArrivalConfirmedAt!.Value - t.CreatedAt)).ToList();

        var answered = facts.Offers.Where(o => o.Status is OfferStatus.Accepted or OfferStatus.Declined or OfferStatus.Expired).ToList();
        var scheduled = tickets.Where(t => t.ArrivalConfirmedAt is not null && t.ProviderId is not null).Select(t => (t.Id, t.ProviderId!.Value)).ToHashSet();
        var leaked = facts.Violations.Where(GotThrough).Select(v => v.TicketId).ToHashSet();
        var resolved = tickets.Where(t => t.Status is TicketStatus.Resolved or TicketStatus.Closed).ToList();
        var incidents = facts.Violations.Where(v => GotThrough(v) && IsContactDetail(v.Kind)).Select(v => new LeakageIncident(v.TicketId, $"{v.Kind} got through ({v.Action})"))
            .Concat(facts.Reveals.Select(r => new LeakageIncident(r.TicketId, $"Number revealed {r.At:yyyy-MM-dd HH:mm} UTC")))
            .OrderBy(i => i.TicketId)
            .ToList();

        var per100 = Enum.GetValues<ViolationKind>().ToDictionary(
            kind => kind,
            kind => tickets.Count == 0 ? 0 : Math.Round(facts.Violations.Count(v => v.Kind == kind) * 100.0 / tickets.Count, 2));

        return new KpiReport(
            tickets.Count,
            DurationStats.From(firstResponses, FirstResponseThreshold),
            answered.Count == 0 ? null : (double)answered.Count(o => o.Status == OfferStatus.Accepted) / answered.Count,
            answered.Count,
            DurationStats.From(dispatches, DispatchThreshold),
            resolved.Count == 0 ? null : (double)resolved.Count(t => !leaked.Contains(t.Id)) / resolved.Count,
            per100,
            Enum.GetValues<SlaTargetKind>().Select(kind => Compliance(kind, facts)).ToList(),
            facts.StatusChanges.Count(s => s.To == TicketStatus.Requeued),
            facts.StatusChanges.Count(s => s.To == TicketStatus.Escalated),
            tickets.Count(IsJobDone),
            facts.Violations.Count(v => !GotThrough(v)),
            facts.Violations.Count(GotThrough))
        {
            ScheduledRate = answered.Count == 0 ? null : (double)answered.Count(o => o.Status == OfferStatus.Accepted && scheduled.Contains((o.TicketId, o.ProviderId))) / answered.Count,
            LeakageIncidents = incidents,
        };
    }

    /// <summary>A flagged message is delivered as written: whatever it carried reached the other side. Redact and block stop it.</summary>
    public static bool GotThrough(ViolationFacts violation) => violation.Action == PolicyAction.Flag;

    /// <summary>Kinds that are a way to reach the other person directly (a payment request or an invitation alone is not).</summary>
    public static bool IsContactDetail(ViolationKind kind)
        => kind is ViolationKind.Phone or ViolationKind.Email or ViolationKind.Link or ViolationKind.SocialHandle or ViolationKind.ContactCard;

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
