namespace BowInbox.Core.Routing;

/// <summary>
/// The words and places that qualify a request. Plain data so admins can edit it and it can be stored as JSON;
/// list order matters only to break ties (the earlier service or area wins).
/// </summary>
public sealed record QualificationRules(
    IReadOnlyList<ServiceRule> Services,
    IReadOnlyList<AreaRule> Areas,
    IReadOnlyList<string> UrgencyWords)
{
    /// <summary>The seed rules: plumbing and electrical, downtown and uptown, in English and Spanish.</summary>
    public static QualificationRules Default { get; } = new(
        Services:
        [
            new ServiceRule("plumbing",
            [
                "pipe", "pipes", "leak", "leaking", "drain", "tap", "faucet", "toilet", "plumb", "plumber", "sink", "burst",
                "water heater", "clog", "clogged",
                "tubería", "tuberías", "fuga", "gotea", "grifo", "desagüe", "inodoro", "fregadero", "lavabo", "atasco",
                "atascado", "plomero", "fontanero", "calentador de agua",
            ]),
            new ServiceRule("electrical",
            [
                "socket", "outlet", "power", "wiring", "breaker", "fuse", "light", "lights", "electric", "electrical",
                "electrician", "switch",
                "enchufe", "luz", "luces", "cableado", "electricidad", "eléctrico", "electricista", "interruptor",
                "fusible", "apagón",
            ]),
        ],
        Areas:
        [
            new AreaRule("downtown",
                ["downtown", "centre", "center", "city centre", "city center", "5th and main", "centro"],
                new GeoCircle(40.7128, -74.0060, 3)),
            new AreaRule("uptown",
                ["uptown", "north side", "northside", "norte"],
                new GeoCircle(40.7870, -73.9754, 3)),
        ],
        UrgencyWords:
        [
            "urgent", "asap", "emergency", "flooding", "flooded", "water everywhere", "sparks", "no power", "right now",
            "urgente", "emergencia", "inundación", "inundado", "chispas", "sin luz", "ahora mismo", "cuanto antes",
        ]);
}
