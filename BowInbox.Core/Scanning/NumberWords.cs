using System.Globalization;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Digits and numbers spelled out in English, Spanish, Portuguese, French, German and Hinglish (Hindi in Latin
/// letters), and the small words people put between them.
/// </summary>
internal static class NumberWords
{
    // Tens combine with a following unit: "fifty five" is 55, "treinta y cuatro" 34, "vinte e um" 21, "soixante-dix" 70.
    private static readonly Dictionary<string, string> Tens = Build(
        ("twenty", "2"), ("thirty", "3"), ("forty", "4"), ("fifty", "5"), ("sixty", "6"),
        ("seventy", "7"), ("eighty", "8"), ("ninety", "9"),
        ("veinte", "2"), ("treinta", "3"), ("cuarenta", "4"), ("cincuenta", "5"), ("sesenta", "6"),
        ("setenta", "7"), ("ochenta", "8"), ("noventa", "9"),
        ("vinte", "2"), ("trinta", "3"), ("quarenta", "4"), ("cinquenta", "5"), ("sessenta", "6"), ("oitenta", "8"),
        ("vingt", "2"), ("vingts", "2"), ("trente", "3"), ("quarante", "4"), ("cinquante", "5"), ("soixante", "6"), ("septante", "7"), ("huitante", "8"), ("octante", "8"), ("nonante", "9"),
        ("zwanzig", "2"), ("dreissig", "3"), ("dreißig", "3"), ("vierzig", "4"), ("fünfzig", "5"), ("funfzig", "5"), ("sechzig", "6"), ("siebzig", "7"), ("achtzig", "8"), ("neunzig", "9"));

    // Spanish and Portuguese read numbers in hundreds too: "seiscientos doce" is 612, "novecentos" 900.
    private static readonly Dictionary<string, string> Hundreds = Build(
        ("ciento", "1"), ("doscientos", "2"), ("trescientos", "3"), ("cuatrocientos", "4"), ("quinientos", "5"),
        ("seiscientos", "6"), ("setecientos", "7"), ("ochocientos", "8"), ("novecientos", "9"),
        ("cento", "1"), ("duzentos", "2"), ("trezentos", "3"), ("quatrocentos", "4"), ("quinhentos", "5"),
        ("seiscentos", "6"), ("setecentos", "7"), ("oitocentos", "8"), ("novecentos", "9"));

    // Built after the tens, which German hundreds ("einhundertsiebzig") are made of.
    private static readonly Dictionary<string, string> Spelled = BuildSpelled();

    private static readonly HashSet<string> Repeaters = new(["double", "doble", "triple", "doppel", "dobro"], StringComparer.OrdinalIgnoreCase);

    // Words people put between groups of a number they are splitting up: "555 then 0100 then 99", "0176 Leerzeichen 2578".
    private static readonly HashSet<string> Connectors = new(
        [
            "then", "next", "followed", "dash", "hyphen", "space", "part", "first", "second", "third", "last", "rest",
            "luego", "despues", "después", "seguido", "guion", "guión", "espacio", "parte", "primera", "segunda", "tercera", "ultima", "última",
            "depois", "espaço", "espaco", "primeira", "terceira",
            "puis", "ensuite", "espace", "tiret", "partie", "première", "premiere", "deuxième", "deuxieme", "troisième", "dernière",
            "dann", "danach", "leerzeichen", "leerschlag", "bindestrich", "teil", "erster", "zweiter", "dritter", "letzter",
            "phir", "fir", "uske", "baad", "pehla", "pehle", "doosra", "dusra", "teesra", "aakhri",
            // "empieza con 6 45 y sigue 12 34 56", "começa com 11 e segue 98...", "ça continue par", "geht weiter mit".
            "sigue", "continua", "continúa", "termina", "acaba", "segue", "continue", "continues", "ends", "weiter", "endet",
            // The word for the dot, read out between groups: "06 point 14 point 88", "612 punto 345".
            "point", "punto", "ponto", "punkt", "dot",
        ],
        StringComparer.OrdinalIgnoreCase);

    // Only part of a connector ("and then", "followed by", "y luego", "and the second part is"); alone, "and" joins spelled
    // digits only.
    private static readonly HashSet<string> ConnectorFillers = new(
        ["and", "y", "by", "de", "e", "et", "und", "aur", "the", "is", "a", "la", "el", "es", "le", "est", "der", "die", "ist", "hai", "é",
            "in", "en", "em", "with", "con", "com", "par", "mit", "avec"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpelledLookup = Spelled.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TensLookup = Tens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> HundredsLookup = Hundreds.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RepeaterLookup = Repeaters.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = ConnectorFillers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TrySpelled(ReadOnlySpan<char> word, out string digits) =>
        SpelledLookup.TryGetValue(word, out digits!) || HindiNumberWords.TryLooseSpelling(word, out digits);

    public static bool TryTens(ReadOnlySpan<char> word, out string tensDigit) => TensLookup.TryGetValue(word, out tensDigit!);

    public static bool TryHundreds(ReadOnlySpan<char> word, out string hundredsDigit) => HundredsLookup.TryGetValue(word, out hundredsDigit!);

    /// <summary>The unit that goes with a tens word ("e", "y", "et" in between are the tokenizer's business).</summary>
    public static bool IsTeen(string digits) => digits.Length == 2 && digits[0] == '1';

    public static int Repeat(ReadOnlySpan<char> word) =>
        !RepeaterLookup.Contains(word) ? 0 : word.Equals("triple", StringComparison.OrdinalIgnoreCase) ? 3 : 2;

    /// <summary>The word for a hundred that follows a digit: "saat sau", "deux cents", "seven hundred".</summary>
    public static bool IsHundredsWord(ReadOnlySpan<char> word) =>
        word.Equals("sau", StringComparison.OrdinalIgnoreCase) || word.Equals("cent", StringComparison.OrdinalIgnoreCase)
        || word.Equals("cents", StringComparison.OrdinalIgnoreCase) || word.Equals("hundred", StringComparison.OrdinalIgnoreCase);

    public static bool IsConnector(ReadOnlySpan<char> word) => ConnectorLookup.Contains(word);

    public static bool IsConnectorFiller(ReadOnlySpan<char> word) => FillerLookup.Contains(word);

    /// <summary>Words that are all O, o, I and l read as 0s and 1s next to digits ("555 OIOO").</summary>
    public static bool IsLookAlikeDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is not ('O' or 'o' or 'I' or 'l'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Capitals that also pass for digits when written among them: S for 5, B for 8, Z for 2, besides O, I and l
    /// ("O83ZS7S439"). Lower-case s, b and z stay letters: "2nd", "3b" and "5s" are ordinary.
    /// </summary>
    public static bool IsWideLookAlikeDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is not ('O' or 'o' or 'I' or 'l' or 'S' or 'B' or 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    public static string LookAlikeDigits(ReadOnlySpan<char> word)
    {
        Span<char> digits = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            digits[i] = word[i] switch
            {
                'O' or 'o' => '0',
                'S' => '5',
                'B' => '8',
                'Z' => '2',
                _ => '1',
            };
        }

        return new string(digits);
    }

    public static bool IsOh(ReadOnlySpan<char> word) => word.Equals("oh", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> BuildSpelled()
    {
        var map = Build(
            ("zero", "0"), ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"),
            ("six", "6"), ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"),
            ("twelve", "12"), ("thirteen", "13"), ("fourteen", "14"), ("fifteen", "15"), ("sixteen", "16"),
            ("seventeen", "17"), ("eighteen", "18"), ("nineteen", "19"), ("hundred", "00"),
            ("cero", "0"), ("uno", "1"), ("dos", "2"), ("tres", "3"), ("cuatro", "4"), ("cinco", "5"),
            ("seis", "6"), ("siete", "7"), ("ocho", "8"), ("nueve", "9"), ("diez", "10"), ("once", "11"),
            ("doce", "12"), ("trece", "13"), ("catorce", "14"), ("quince", "15"), ("dieciseis", "16"),
            ("dieciséis", "16"), ("diecisiete", "17"), ("dieciocho", "18"), ("diecinueve", "19"),
            ("veintiuno", "21"), ("veintidos", "22"), ("veintidós", "22"), ("veintitres", "23"),
            ("veintitrés", "23"), ("veinticuatro", "24"), ("veinticinco", "25"), ("veintiseis", "26"),
            ("veintiséis", "26"), ("veintisiete", "27"), ("veintiocho", "28"), ("veintinueve", "29"),
            ("cien", "100"),
            ("um", "1"), ("uma", "1"), ("dois", "2"), ("duas", "2"), ("três", "3"), ("tres", "3"), ("quatro", "4"), ("meia", "6"),
            ("sete", "7"), ("oito", "8"), ("nove", "9"), ("dez", "10"), ("onze", "11"), ("doze", "12"), ("treze", "13"), ("catorze", "14"),
            ("quatorze", "14"), ("dezesseis", "16"), ("dezasseis", "16"), ("dezessete", "17"), ("dezassete", "17"), ("dezoito", "18"),
            ("dezenove", "19"), ("dezanove", "19"), ("cem", "100"),
            ("zéro", "0"), ("un", "1"), ("une", "1"), ("deux", "2"), ("trois", "3"), ("quatre", "4"), ("cinq", "5"), ("sept", "7"),
            ("huit", "8"), ("neuf", "9"), ("dix", "10"), ("douze", "12"), ("treize", "13"), ("quatorze", "14"), ("quinze", "15"), ("seize", "16"),
            ("null", "0"), ("eins", "1"), ("zwei", "2"), ("zwo", "2"), ("drei", "3"), ("vier", "4"), ("fünf", "5"), ("funf", "5"), ("fuenf", "5"),
            ("sechs", "6"), ("sieben", "7"), ("acht", "8"), ("neun", "9"), ("zehn", "10"), ("elf", "11"), ("zwölf", "12"), ("zwoelf", "12"));

        foreach (var (word, digits) in HindiNumberWords.Common)
        {
            map[word] = digits;
        }

        foreach (var (word, digits) in HindiNumberWords.BelowHundred())
        {
            map.TryAdd(word, digits);
        }

        // German writes 21 to 99 as one word, the unit first: "dreiundzwanzig", "siebenundsechzig".
        string[] units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];
        (string Word, int Tens)[] tens = [("zwanzig", 2), ("dreißig", 3), ("dreissig", 3), ("vierzig", 4), ("fünfzig", 5), ("sechzig", 6), ("siebzig", 7), ("achtzig", 8), ("neunzig", 9)];
        foreach (var (word, value) in tens)
        {
            for (var u = 0; u < units.Length; u++)
            {
                map[units[u] + "und" + word] = string.Concat(value.ToString(CultureInfo.InvariantCulture), (u + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var (teen, digits) in new[] { ("dreizehn", "13"), ("vierzehn", "14"), ("fünfzehn", "15"), ("sechzehn", "16"), ("siebzehn", "17"), ("achtzehn", "18"), ("neunzehn", "19") })
        {
            map[teen] = digits;
        }

        AddGermanHundreds(map);
        return map;
    }

    /// <summary>
    /// German writes 100 to 999 as one word too: "einhundertsiebzig" is 170, "zweihundertdreiundvierzig" 243,
    /// "hundertzwölf" 112. Built from the words below a hundred already in <paramref name="map"/>.
    /// </summary>
    private static void AddGermanHundreds(Dictionary<string, string> map)
    {
        string[] units = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];
        var belowHundred = map
            .Where(pair => IsGermanWord(pair.Key) && int.TryParse(pair.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99)
            .Select(pair => (pair.Key, Value: int.Parse(pair.Value, CultureInfo.InvariantCulture)))
            .Concat(Tens.Where(pair => IsGermanWord(pair.Key)).Select(pair => (pair.Key, Value: (pair.Value[0] - '0') * 10)))
            .ToList();
        for (var h = 1; h < units.Length; h++)
        {
            var prefixes = h == 1 ? new[] { "hundert", "einhundert" } : [units[h] + "hundert"];
            foreach (var prefix in prefixes)
            {
                map[prefix] = (h * 100).ToString(CultureInfo.InvariantCulture);
                foreach (var (word, value) in belowHundred)
                {
                    map[prefix + word] = ((h * 100) + value).ToString(CultureInfo.InvariantCulture);
                }
            }
        }
    }

    // "eins", "zwölf", "dreiundzwanzig": the German words below a hundred (the map holds all six languages).
    private static bool IsGermanWord(string word) =>
        word is "eins" or "zwei" or "zwo" or "drei" or "vier" or "fünf" or "sechs" or "sieben" or "acht" or "neun" or "zehn" or "elf" or "zwölf"
        || word.EndsWith("zehn", StringComparison.Ordinal) || word.EndsWith("zig", StringComparison.Ordinal) || word.EndsWith("ßig", StringComparison.Ordinal)
        || word.EndsWith("ssig", StringComparison.Ordinal);

    private static Dictionary<string, string> Build(params (string Word, string Digits)[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, digits) in pairs)
        {
            map[word] = digits;
        }

        return map;
    }
}
