namespace BowInbox.Core.Scanning;

/// <summary>Digits spelled out in English and Spanish, and the small words people put between them.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, string> Spelled = Build(
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
        ("cien", "100"));

    // Tens combine with a following unit: "fifty five" is 55, "treinta y cuatro" is 34.
    private static readonly Dictionary<string, string> Tens = Build(
        ("twenty", "2"), ("thirty", "3"), ("forty", "4"), ("fifty", "5"), ("sixty", "6"),
        ("seventy", "7"), ("eighty", "8"), ("ninety", "9"),
        ("veinte", "2"), ("treinta", "3"), ("cuarenta", "4"), ("cincuenta", "5"), ("sesenta", "6"),
        ("setenta", "7"), ("ochenta", "8"), ("noventa", "9"));

    // Spanish reads numbers in hundreds too: "seiscientos doce" is 612.
    private static readonly Dictionary<string, string> Hundreds = Build(
        ("ciento", "1"), ("doscientos", "2"), ("trescientos", "3"), ("cuatrocientos", "4"), ("quinientos", "5"),
        ("seiscientos", "6"), ("setecientos", "7"), ("ochocientos", "8"), ("novecientos", "9"));

    private static readonly HashSet<string> Repeaters = new(["double", "doble", "triple"], StringComparer.OrdinalIgnoreCase);

    // Words people put between groups of a number they are splitting up: "555 then 0100 then 99".
    private static readonly HashSet<string> Connectors = new(
        ["then", "next", "followed", "dash", "hyphen", "luego", "despues", "después", "seguido", "guion", "guión"],
        StringComparer.OrdinalIgnoreCase);

    // Only part of a connector ("and then", "followed by", "y luego"); alone, "and" joins spelled digits only.
    private static readonly HashSet<string> ConnectorFillers = new(["and", "y", "by", "de"], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SpelledLookup = Spelled.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TensLookup = Tens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> HundredsLookup = Hundreds.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RepeaterLookup = Repeaters.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = ConnectorFillers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TrySpelled(ReadOnlySpan<char> word, out string digits) => SpelledLookup.TryGetValue(word, out digits!);

    public static bool TryTens(ReadOnlySpan<char> word, out string tensDigit) => TensLookup.TryGetValue(word, out tensDigit!);

    public static bool TryHundreds(ReadOnlySpan<char> word, out string hundredsDigit) => HundredsLookup.TryGetValue(word, out hundredsDigit!);

    public static int Repeat(ReadOnlySpan<char> word) =>
        !RepeaterLookup.Contains(word) ? 0 : word.Equals("triple", StringComparison.OrdinalIgnoreCase) ? 3 : 2;

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

    public static string LookAlikeDigits(ReadOnlySpan<char> word)
    {
        Span<char> digits = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            digits[i] = word[i] is 'O' or 'o' ? '0' : '1';
        }

        return new string(digits);
    }

    public static bool IsOh(ReadOnlySpan<char> word) => word.Equals("oh", StringComparison.OrdinalIgnoreCase);

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
