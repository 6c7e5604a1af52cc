namespace BowInbox.Core.Routing;

/// <summary>
/// An area such as "downtown": the place words customers use for it, optionally the circle a shared location must
/// fall in, and optionally the postcodes or postcode prefixes ("10001", "SW1") that place a customer in it.
/// </summary>
public sealed record AreaRule(string Name, IReadOnlyList<string> PlaceWords, GeoCircle? Circle = null, IReadOnlyList<string>? Postcodes = null);
