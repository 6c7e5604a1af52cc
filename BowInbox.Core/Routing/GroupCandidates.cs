using BowInbox.Core.Providers;

namespace BowInbox.Core.Routing;

/// <summary>Everything the selector needs to offer one ticket within one provider group.</summary>
public sealed record GroupCandidates
{
    public required string GroupName { get; init; }

    public required SelectionStrategy Strategy { get; init; }

    /// <summary>The group's stored round-robin position: an index into its members ordered by provider id.</summary>
    public int RoundRobinCursor { get; init; }

    public required IReadOnlyList<ProviderCandidate> Members { get; init; }

    /// <summary>Providers who declined this ticket; it is not offered to them again.</summary>
    public IReadOnlySet<int> DeclinedProviderIds { get; init; } = new HashSet<int>();

    /// <summary>Providers who let this ticket's offer expire; it is not offered to them again.</summary>
    public IReadOnlySet<int> ExpiredProviderIds { get; init; } = new HashSet<int>();

    public static GroupCandidates For(ProviderGroup group, IReadOnlyList<ProviderCandidate> members) => new()
    {
        GroupName = group.Name,
        Strategy = group.Strategy,
        RoundRobinCursor = group.RoundRobinCursor,
        Members = members,
    };
}
