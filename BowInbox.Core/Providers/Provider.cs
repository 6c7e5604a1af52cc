namespace BowInbox.Core.Providers;

/// <summary>A technician (or desk) that receives offers and talks to customers through a pool number.</summary>
public class Provider : Contacts.IWhatsAppIdentity
{
    public int Id { get; set; }

    /// <summary>The Identity user this provider signs in as.</summary>
    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Keyed hash of the provider's address: their WhatsApp number when known, else their BSUID.</summary>
    public string? WaIdHash { get; set; }

    /// <summary>The address encrypted at rest; the outbox sends to it.</summary>
    public string? WaIdProtected { get; set; }

    /// <summary>Keyed hash of the provider's BSUID, learnt when WhatsApp sends it: they are still recognised without the phone.</summary>
    public string? UserIdHash { get; set; }

    public string? UserIdProtected { get; set; }

    /// <summary>Keyed hash of the provider's parent BSUID (linked business portfolios).</summary>
    public string? ParentUserIdHash { get; set; }

    public string? ParentUserIdProtected { get; set; }

    /// <summary>How many open jobs the provider takes at once.</summary>
    public int Capacity { get; set; } = 3;

    public ProviderAvailability Availability { get; set; } = ProviderAvailability.Online;

    public string? PauseReason { get; set; }

    /// <summary>The IANA time zone the provider gives arrival windows in; null means the marketplace's zone.</summary>
    public string? TimeZone { get; set; }

    public List<ProviderGroupMember> Groups { get; set; } = [];

    public string FirstName => Contacts.PersonName.FirstName(DisplayName) ?? DisplayName;

    string? Contacts.IWhatsAppIdentity.AddressHash { get => WaIdHash; set => WaIdHash = value; }

    string? Contacts.IWhatsAppIdentity.AddressProtected { get => WaIdProtected; set => WaIdProtected = value; }
}
