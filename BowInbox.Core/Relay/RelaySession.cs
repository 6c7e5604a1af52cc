namespace BowInbox.Core.Relay;

/// <summary>
/// The masking binding: a ticket's customer and provider, and the pool number that carries the
/// conversation towards the provider. (pool number, provider) finds the session for a provider's reply.
/// </summary>
public class RelaySession
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public int ContactId { get; set; }

    public int ProviderId { get; set; }

    /// <summary>The pool number (phone_number_id) the provider talks to.</summary>
    public string PoolPhoneNumberId { get; set; } = "";

    public DateTime OpenedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? CloseReason { get; set; }

    /// <summary>The API key that opened the session for a booking, if one did: only that key may list or close it.</summary>
    public int? OpenedByApiKeyId { get; set; }

    public bool IsOpen => ClosedAt is null;
}
