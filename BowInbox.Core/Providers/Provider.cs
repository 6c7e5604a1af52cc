namespace BowInbox.Core.Providers;

/// <summary>A technician (or desk) that receives offers and talks to customers through a pool number.</summary>
public class Provider
{
    public int Id { get; set; }

    /// <summary>The Identity user this provider signs in as.</summary>
    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? WaIdHash { get; set; }

    public string? WaIdProtected { get; set; }

    /// <summary>How many open jobs the provider takes at once.</summary>
    public int Capacity { get; set; } = 3;

    public ProviderAvailability Availability { get; set; } = ProviderAvailability.Online;

    public string? PauseReason { get; set; }

    public List<ProviderGroupMember> Groups { get; set; } = [];

    public string FirstName => Contacts.PersonName.FirstName(DisplayName) ?? DisplayName;
}
