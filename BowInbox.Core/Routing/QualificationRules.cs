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
    /// <summary>
    /// The seed rules: the common home-service trades and tutoring subjects, downtown and uptown, in English, Spanish and
    /// Portuguese. Marketplaces replace them at /admin/routing.
    /// </summary>
    public static QualificationRules Default { get; } = new(
        Services:
        [
            new ServiceRule("plumbing",
            [
                "pipe", "pipes", "leak", "leaking", "drain", "tap", "faucet", "toilet", "plumb", "plumber", "plumbing", "sink", "burst",
                "water heater", "clog", "clogged",
                "tubería", "tuberías", "fuga", "gotea", "grifo", "desagüe", "inodoro", "fregadero", "lavabo", "atasco",
                "atascado", "plomero", "fontanero", "fontanería", "calentador de agua",
                "cano", "canos", "vazamento", "vazando", "torneira", "pia", "vaso sanitário", "privada", "entupido", "entupida",
                "ralo", "encanador", "encanamento", "aquecedor de água",
            ]),
            new ServiceRule("electrical",
            [
                "socket", "outlet", "power", "wiring", "breaker", "fuse", "light", "lights", "electric", "electrical",
                "electrician", "switch",
                "enchufe", "luz", "luces", "cableado", "electricidad", "eléctrico", "electricista", "interruptor",
                "fusible", "apagón",
                "tomada", "fiação", "disjuntor", "energia", "eletricidade", "elétrico", "elétrica", "eletricista", "curto-circuito",
            ]),
            new ServiceRule("hvac",
            [
                "hvac", "air conditioning", "air conditioner", "aircon", "ac unit", "heating", "heater", "furnace", "boiler",
                "heat pump", "thermostat", "ventilation",
                "aire acondicionado", "calefacción", "caldera", "climatización", "termostato", "bomba de calor",
                "ar condicionado", "ar-condicionado", "aquecimento", "aquecedor", "climatização", "caldeira",
            ]),
            new ServiceRule("locksmith",
            [
                "locksmith", "lock", "locks", "locked out", "lockout", "key", "keys", "door lock",
                // "llave" alone is also a tap or a stopcock ("la llave del lavabo", "llave de paso"): only phrases about keys.
                "cerrajero", "cerrajería", "cerradura", "me quedé fuera", "perdí la llave", "perdí las llaves", "sin llaves",
                "copia de llave", "copia de llaves",
                "chaveiro", "fechadura", "chave", "chaves", "trancado", "trancada",
            ]),
            new ServiceRule("appliance repair",
            [
                "appliance", "appliances", "fridge", "refrigerator", "freezer", "washing machine", "washer", "dryer",
                "dishwasher", "oven", "stove", "microwave",
                "electrodoméstico", "electrodomésticos", "nevera", "refrigerador", "lavadora", "secadora", "lavavajillas",
                "horno", "estufa", "microondas",
                "eletrodoméstico", "eletrodomésticos", "geladeira", "máquina de lavar", "lava-louças", "secadora de roupa",
                "forno", "fogão", "micro-ondas",
            ]),
            new ServiceRule("cleaning",
            [
                "cleaning", "clean", "cleaner", "deep clean", "move-out clean", "housekeeping", "maid",
                "limpieza", "limpiar", "limpiadora", "asistenta",
                "limpeza", "limpar", "faxina", "faxineira", "diarista",
            ]),
            new ServiceRule("pest control",
            [
                "pest", "pests", "exterminator", "cockroach", "cockroaches", "roaches", "mice", "mouse", "rats", "termites",
                "bed bugs", "ants", "wasps",
                "plaga", "plagas", "cucaracha", "cucarachas", "ratones", "ratas", "termitas", "chinches", "hormigas", "fumigar",
                "fumigación",
                "praga", "pragas", "barata", "baratas", "ratos", "cupim", "cupins", "formigas", "dedetização", "dedetizar",
            ]),
            new ServiceRule("handyman",
            [
                "handyman", "odd jobs", "shelf", "shelves", "assemble", "assembly", "furniture", "mount", "tv mount", "painting",
                "drywall",
                "manitas", "chapuzas", "montar", "muebles", "estantería", "colgar", "pintar",
                "faz-tudo", "marido de aluguel", "montagem", "móveis", "prateleira", "pendurar",
            ]),
            new ServiceRule("math tutoring",
            [
                "math", "maths", "mathematics", "algebra", "geometry", "calculus", "statistics",
                "matemáticas", "álgebra", "geometría", "cálculo", "estadística",
                "matemática", "geometria", "estatística",
            ]),
            new ServiceRule("science tutoring",
            [
                "physics", "chemistry", "biology", "science",
                "física", "química", "biología", "ciencias",
                "biologia", "ciências",
            ]),
            new ServiceRule("language tutoring",
            [
                "english lessons", "english class", "english tutor", "spanish lessons", "language lessons",
                "essay", "clases de inglés", "inglés", "lengua", "redacción",
                "aulas de inglês", "inglês", "português", "redação",
            ]),
        ],
        Areas:
        [
            new AreaRule("downtown",
                ["downtown", "centre", "center", "city centre", "city center", "5th and main", "centro"],
                new GeoCircle(40.7128, -74.0060, 3),
                ["10004", "10005", "10006", "10007", "10038", "10280"]),
            new AreaRule("uptown",
                ["uptown", "north side", "northside", "norte"],
                new GeoCircle(40.7870, -73.9754, 3),
                ["10023", "10024", "10025", "10069"]),
        ],
        UrgencyWords:
        [
            "urgent", "asap", "emergency", "flooding", "flooded", "water everywhere", "sparks", "no power", "right now",
            "urgente", "emergencia", "inundación", "inundado", "chispas", "sin luz", "ahora mismo", "cuanto antes",
            "emergência", "inundação", "alagado", "alagada", "faíscas", "sem luz", "sem energia", "agora mesmo", "o quanto antes",
        ]);
}
