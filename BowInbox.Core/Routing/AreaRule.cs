namespace BowInbox.Core.Routing;

/// <summary>An area such as "downtown": the place words customers use for it, and optionally the circle a shared location must fall in.</summary>
public sealed record AreaRule(string Name, IReadOnlyList<string> PlaceWords, GeoCircle? Circle = null);
