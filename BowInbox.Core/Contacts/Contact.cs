namespace BowInbox.Core.Contacts;

/// <summary>A customer who writes to the central number. The real number is only ever stored protected.</summary>
public class Contact : IWhatsAppIdentity
{
    public int Id { get; set; }

    /// <summary>
    /// Keyed hash of the contact's address: their wa_id (phone) when known, else their business-scoped user id (BSUID).
    /// Finds the contact without decrypting anything; conversation windows and sends are keyed on it.
    /// </summary>
    public string WaIdHash { get; set; } = "";

    /// <summary>The address (phone, else BSUID) encrypted at rest; only the outbox and an audited reveal unprotect it.</summary>
    public string WaIdProtected { get; set; } = "";

    /// <summary>Keyed hash of the contact's BSUID, when WhatsApp sent one: matched first on inbound.</summary>
    public string? UserIdHash { get; set; }

    /// <summary>The BSUID encrypted at rest.</summary>
    public string? UserIdProtected { get; set; }

    /// <summary>Keyed hash of the parent BSUID (linked business portfolios): matched after the BSUID.</summary>
    public string? ParentUserIdHash { get; set; }

    /// <summary>The parent BSUID encrypted at rest.</summary>
    public string? ParentUserIdProtected { get; set; }

    public string? ProfileName { get; set; }

    /// <summary>
    /// The channel the customer last wrote on (<see cref="Tickets.TicketChannels"/>): what goes to them goes on it, from
    /// that channel's central number, so an SMS customer is answered by SMS and, once they continue on WhatsApp, there.
    /// </summary>
    public string Channel { get; set; } = Tickets.TicketChannels.WhatsApp;

    /// <summary>Stable, number-free handle shown to staff and providers, e.g. <c>C-4F7K2</c>.</summary>
    public string Alias { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When repeated violations paused the customer: their messages are held, not relayed, until a supervisor lifts it.</summary>
    public DateTime? PausedAt { get; set; }

    /// <summary>Why the customer is paused, in words for staff (never a number or the offending text).</summary>
    public string? PauseReason { get; set; }

    public bool IsPaused => PausedAt is not null;

    /// <summary>When the customer asked WhatsApp to stop marketing messages; null when they did not (or resumed). No marketing template goes to them meanwhile.</summary>
    public DateTime? MarketingStoppedAt { get; set; }

    /// <summary>When their latest marketing preference (stop or resume) was made: an older one arriving late changes nothing.</summary>
    public DateTime? MarketingPreferenceAt { get; set; }

    public string FirstName => PersonName.FirstName(ProfileName) ?? Alias;

    string? IWhatsAppIdentity.AddressHash { get => WaIdHash; set => WaIdHash = value ?? ""; }

    string? IWhatsAppIdentity.AddressProtected { get => WaIdProtected; set => WaIdProtected = value ?? ""; }
}
