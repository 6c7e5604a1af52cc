using BowInbox.Core.Providers;

namespace BowInbox.Core.Routing;

/// <summary>A group member as the selector sees them: availability, workload and how often they took offers in the last 30 days.</summary>
public sealed record ProviderCandidate(
    int ProviderId,
    string FirstName,
    ProviderAvailability Availability,
    int OpenJobs,
    int Capacity,
    int OffersLast30Days,
    int AcceptsLast30Days)
{
    public static ProviderCandidate From(Provider provider, int openJobs, int offersLast30Days, int acceptsLast30Days) =>
        new(provider.Id, provider.FirstName, provider.Availability, openJobs, provider.Capacity, offersLast30Days, acceptsLast30Days);
}
