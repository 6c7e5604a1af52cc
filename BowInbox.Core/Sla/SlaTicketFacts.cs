namespace BowInbox.Core.Sla;

/// <summary>The moments on a ticket that start and stop its SLA clocks, all UTC; null when it has not happened.</summary>
public sealed record SlaTicketFacts
{
    public DateTime? FirstCustomerMessageAt { get; init; }

    /// <summary>The first reply to the customer by a person (agent or provider), not an automatic message.</summary>
    public DateTime? FirstHumanReplyAt { get; init; }

    /// <summary>When the current offer was made; a re-offer replaces it.</summary>
    public DateTime? OfferedAt { get; init; }

    /// <summary>When the offer waiting for an answer runs out; null when no offer waits (or it is not known).</summary>
    public DateTime? OfferExpiresAt { get; init; }

    /// <summary>When the current offer was accepted.</summary>
    public DateTime? AcceptedAt { get; init; }

    public DateTime? ProviderFirstMessageAt { get; init; }

    /// <summary>When the provider confirmed an arrival window for the current acceptance.</summary>
    public DateTime? ArrivalConfirmedAt { get; init; }

    /// <summary>Since when the customer waits for an answer; null when nobody owes them one (for example, we wait on them).</summary>
    public DateTime? WaitingSince { get; init; }

    public DateTime? ResolvedAt { get; init; }
}
