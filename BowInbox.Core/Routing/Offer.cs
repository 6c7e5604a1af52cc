namespace BowInbox.Core.Routing;

/// <summary>A ticket offered to one provider until it is accepted, declined or expires.</summary>
public class Offer
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public int ProviderId { get; set; }

    public int? GroupId { get; set; }

    /// <summary>The pool number the offer went out from, which the provider's answer arrives on.</summary>
    public string? PoolPhoneNumberId { get; set; }

    /// <summary>The wamid of the WhatsApp offer message, so a reply quoting it finds the offer.</summary>
    public string? Wamid { get; set; }

    public OfferStatus Status { get; set; } = OfferStatus.Pending;

    /// <summary>1 for the ticket's first offer, 2 for the next, ...; compared with the group's attempt limit.</summary>
    public int Attempt { get; set; } = 1;

    public DateTime OfferedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RespondedAt { get; set; }
}

public enum OfferStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Expired = 3,

    /// <summary>Another provider accepted first, or staff reassigned the ticket.</summary>
    Withdrawn = 4,
}
