using PhoneNumbers;

namespace BowInbox.Core.Scanning;

/// <summary>
/// The regions whose national number formats the scanner reads (<c>Scanning:Regions</c>, ISO country codes):
/// tried after the sender's own country and before the content policy's regions. Not configured, the countries of
/// the marketplace's own numbers (<see cref="ContentPolicy.OwnNumberRegions"/>) take their place.
/// </summary>
public sealed class ScannerRegions
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public ScannerRegions(IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var list = new List<string>();
        foreach (var region in regions.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length > 0))
        {
            if (!Numbers.GetSupportedRegions().Contains(region))
            {
                throw new ArgumentException($"'{region}' in Scanning:Regions is not a country code the phone library knows (use ISO codes such as GB, DE, BR).", nameof(regions));
            }

            if (!list.Contains(region))
            {
                list.Add(region);
            }
        }

        Regions = list;
    }

    public static ScannerRegions None { get; } = new([]);

    public IReadOnlyList<string> Regions { get; }

    /// <summary>The region a number such as "+447911123456" belongs to, or null.</summary>
    public static string? RegionOf(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return null;
        }

        try
        {
            var region = Numbers.GetRegionCodeForNumber(Numbers.Parse(e164.StartsWith('+') ? e164 : "+" + e164, null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The policy with its phone regions ordered sender first, then these (or, none configured, the countries of our own
    /// numbers), then the policy's own.
    /// </summary>
    public ContentPolicy Apply(ContentPolicy policy, string? senderRegion)
    {
        var ordered = new List<string>();
        if (senderRegion is { Length: > 0 } && Numbers.GetSupportedRegions().Contains(senderRegion.ToUpperInvariant()))
        {
            ordered.Add(senderRegion.ToUpperInvariant());
        }

        var configured = Regions.Count > 0 ? Regions : policy.OwnNumberRegions;
        ordered.AddRange(configured.Concat(policy.PhoneRegions).Where(r => !ordered.Contains(r)).Distinct());
        return ordered.SequenceEqual(policy.PhoneRegions) ? policy : policy with { PhoneRegions = ordered };
    }
}
