namespace BowInbox.Core.Providers;

/// <summary>A pool of providers such as "Plumbers - Downtown".</summary>
public class ProviderGroup
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string ServiceType { get; set; } = "";

    public string Area { get; set; } = "";

    public SelectionStrategy Strategy { get; set; } = SelectionStrategy.RoundRobin;

    public int OfferExpiryMinutes { get; set; } = 5;

    public int AttemptLimit { get; set; } = 3;

    /// <summary>Round-robin position, kept in the database so restarts continue where they stopped.</summary>
    public int RoundRobinCursor { get; set; }

    public List<ProviderGroupMember> Members { get; set; } = [];
}
