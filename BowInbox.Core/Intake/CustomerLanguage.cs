using BowInbox.Core.Routing;
using PhoneNumbers;

namespace BowInbox.Core.Intake;

/// <summary>
/// Which language to answer a customer in, from the words of their messages, with the country of their number (or
/// business-scoped user id) as the hint when the words do not decide: "hola" is Spanish whatever the number, "ok" from
/// a Brazilian number is Portuguese.
/// </summary>
public static class CustomerLanguage
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Portuguese = "pt";

    public static readonly IReadOnlyList<string> BuiltIn = [English, Spanish, Portuguese];

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    // Everyday words that mostly belong to one of the three languages; words shared by two (para, com) are left out.
    private static readonly Dictionary<string, string[]> Words = new()
    {
        [English] =
        [
            "hi", "hello", "hey", "the", "my", "is", "need", "help", "please", "thanks", "thank", "you", "have", "it", "and",
            "there", "water", "kitchen", "today", "week", "leak", "leaking", "broken", "with", "can", "someone", "morning",
            "what", "where", "when", "not", "working", "house", "fix", "i", "am", "this",
        ],
        [Spanish] =
        [
            "hola", "buenas", "buenos", "dias", "necesito", "tengo", "por", "favor", "gracias", "mi", "el", "los",
            "las", "que", "una", "hay", "ayuda", "hoy", "cocina", "bano", "estoy", "alguien", "puede", "pueden", "fuga",
            "se", "rompio", "roto", "luz", "quiero", "semana", "y", "del", "pero", "muy", "tambien", "donde",
        ],
        [Portuguese] =
        [
            "ola", "oi", "bom", "boa", "obrigado", "obrigada", "preciso", "estou", "minha", "meu", "nao", "voce", "uma",
            "vazamento", "cozinha", "banheiro", "hoje", "ajuda", "alguem", "pode", "quebrou", "quero",
            "tambem", "muito", "onde", "ta", "tem", "agora", "e", "do", "da", "no", "na", "isso", "aqui",
        ],
    };

    private static readonly HashSet<string> SpanishRegions =
    [
        "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ",
    ];

    private static readonly HashSet<string> PortugueseRegions = ["BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL"];

    /// <summary>The language of <paramref name="texts"/>; <paramref name="hint"/> (from <see cref="HintFrom"/>) decides ties and silence.</summary>
    public static string Detect(IEnumerable<string> texts, string? hint)
    {
        var words = texts.SelectMany(t => FoldedText.Fold(t).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var scores = BuiltIn.Select(language => (Language: language, Score: words.Count(w => Words[language].Contains(w)))).ToList();
        var best = scores.Max(s => s.Score);
        var leaders = scores.Where(s => s.Score == best).Select(s => s.Language).ToList();
        if (best > 0 && leaders.Count == 1)
        {
            return leaders[0];
        }

        return hint is not null && (best == 0 || leaders.Contains(hint)) ? hint : leaders.Contains(English) ? English : leaders[0];
    }

    /// <summary>
    /// The language the country of a phone number (<c>5215512345678</c>) or business-scoped user id (<c>MX.8817…</c>)
    /// suggests, or null for any other country (English is then the default, not a guess).
    /// </summary>
    public static string? HintFrom(string? address)
    {
        var region = RegionOf(address);
        return region is null ? null : SpanishRegions.Contains(region) ? Spanish : PortugueseRegions.Contains(region) ? Portuguese : null;
    }

    private static string? RegionOf(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var dot = address.IndexOf('.', StringComparison.Ordinal);
        if (dot == 2 && char.IsAsciiLetter(address[0]) && char.IsAsciiLetter(address[1]))
        {
            return address[..2].ToUpperInvariant();
        }

        try
        {
            var region = Numbers.GetRegionCodeForNumber(Numbers.Parse("+" + address.TrimStart('+'), null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
