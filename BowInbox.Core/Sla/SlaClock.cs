namespace BowInbox.Core.Sla;

/// <summary>Works out each SLA target's start, warning, due and met times from a ticket's facts.</summary>
public static class SlaClock
{
    public static IReadOnlyList<SlaDue> Compute(SlaPolicy policy, SlaTicketFacts facts) =>
        policy.Targets.Select(target => Compute(target, policy.Calendar, facts)).ToList();

    /// <summary>The running clock due soonest and how it stands at <paramref name="now"/>; null when no clock runs.</summary>
    public static SlaCountdown? Nearest(IEnumerable<SlaDue> dues, DateTime now)
    {
        var at = UtcInstant.From(now);
        var nearest = dues
            .Where(due => due is { Running: true, DueAt: not null })
            .OrderBy(due => due.DueAt)
            .ThenBy(due => due.Kind)
            .FirstOrDefault();
        if (nearest is null)
        {
            return null;
        }

        var dueAt = nearest.DueAt!.Value;
        var state = at >= dueAt ? SlaState.Breached
            : at >= nearest.WarnAt ? SlaState.Warning
            : SlaState.Ok;
        return new SlaCountdown(nearest.Kind, state, dueAt - at, dueAt);
    }

    private static SlaDue Compute(SlaTarget target, BusinessCalendar calendar, SlaTicketFacts facts)
    {
        var (startEvent, stopEvent) = Events(target.Kind, facts);
        if (UtcInstant.From(startEvent) is not { } start)
        {
            return new SlaDue(target.Kind, null, null, null, null, false, target.Actions);
        }

        // Stop events before the start belong to an earlier round (an earlier offer, a reopened ticket) and are ignored.
        var stop = AtOrAfter(UtcInstant.From(stopEvent), start);
        var resolved = AtOrAfter(UtcInstant.From(facts.ResolvedAt), start);
        var metAt = Earliest(stop, resolved);

        var warnAt = BusinessTime.AddBusinessTime(start, target.Target * target.WarningFraction, calendar);
        var dueAt = BusinessTime.AddBusinessTime(start, target.Target, calendar);
        var actions = target.Actions;
        if (target.Kind == SlaTargetKind.OfferAcceptance && metAt is null && UtcInstant.From(facts.OfferExpiresAt) is { } expires && expires < dueAt)
        {
            // One clock per target: an offer that runs out first is due when it runs out, which is what the inbox counts
            // down to. Its running out is handled by the offer itself (the next technician, or escalation when nobody is
            // left), so this clock raises no alert of its own.
            dueAt = expires < start ? start : expires;
            warnAt = Earliest(warnAt, start + ((dueAt - start) * target.WarningFraction))!.Value;
            actions = SlaBreachAction.None;
        }

        return new SlaDue(target.Kind, start, warnAt, dueAt, metAt, metAt is null, actions);
    }

    /// <summary>
    /// The clock for an offer runs only while an offer waits: once it ran out or was declined without anyone accepting,
    /// the ticket is re-offered (a new clock) or escalated, and no offer clock is left running.
    /// </summary>
    public static IReadOnlyList<SlaDue> WithoutEndedOffer(IReadOnlyList<SlaDue> dues, bool offerWaiting)
        => offerWaiting
            ? dues
            : dues.Select(d => d is { Kind: SlaTargetKind.OfferAcceptance, Running: true } ? d with { Running = false } : d).ToList();

    private static (DateTime? Start, DateTime? Stop) Events(SlaTargetKind kind, SlaTicketFacts facts) => kind switch
    {
        SlaTargetKind.FirstResponse => (facts.FirstCustomerMessageAt, facts.FirstHumanReplyAt),
        SlaTargetKind.OfferAcceptance => (facts.OfferedAt, facts.AcceptedAt),
        SlaTargetKind.ProviderFirstContact => (facts.AcceptedAt, facts.ProviderFirstMessageAt),
        SlaTargetKind.ArrivalWindow => (facts.AcceptedAt, facts.ArrivalConfirmedAt),

        // A reply clears WaitingSince, so the clock exists only while the customer waits; resolution still stops it.
        SlaTargetKind.NextResponse => (facts.WaitingSince, null),
        SlaTargetKind.Resolution => (facts.FirstCustomerMessageAt, facts.ResolvedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown SLA target."),
    };

    private static DateTime? AtOrAfter(DateTime? value, DateTime start) => value >= start ? value : null;

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
