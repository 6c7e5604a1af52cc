using BowInbox.Core.Providers;
using BowInbox.Core.Routing;

namespace BowInbox.Tests.Routing;

/// <summary>
/// Reads candidate tables written as "Tom 1/3 away 8of10, Ana 0/3": name, open jobs/capacity, optional availability,
/// optional accepts "of" offers over 30 days. Ids are fixed per name so id ordering is visible in the tables.
/// </summary>
internal static class CandidateTable
{
    private static readonly string[] Names = ["Tom", "Ana", "Eli", "Uma"];

    public static IReadOnlyList<ProviderCandidate> Parse(string table) =>
        table.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseOne)
            .ToList();

    public static IReadOnlySet<int> Ids(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IdOf).ToHashSet();

    public static string NameOf(int? id) => id is { } value ? Names[value - 1] : "-";

    private static int IdOf(string name) => Array.IndexOf(Names, name) + 1;

    private static ProviderCandidate ParseOne(string row)
    {
        var parts = row.Split(' ');
        var load = parts[1].Split('/');
        var availability = parts.Contains("away") ? ProviderAvailability.Away
            : parts.Contains("paused") ? ProviderAvailability.Paused
            : ProviderAvailability.Online;
        var stats = parts.FirstOrDefault(p => p.Contains("of", StringComparison.Ordinal))?.Split("of");
        return new ProviderCandidate(
            IdOf(parts[0]),
            parts[0],
            availability,
            int.Parse(load[0]),
            int.Parse(load[1]),
            OffersLast30Days: stats is null ? 0 : int.Parse(stats[1]),
            AcceptsLast30Days: stats is null ? 0 : int.Parse(stats[0]));
    }
}
