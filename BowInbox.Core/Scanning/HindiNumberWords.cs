using System.Globalization;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Hindi numbers in Latin letters. Hindi has its own word for every number below a hundred ("athanve" 98, "chauntis" 34,
/// "ikyavan" 51), and people spell them as they hear them ("baees", "bais", "baais" are all 22), so a word is also
/// read by its loose spelling: doubled vowels and letters folded ("unnees" and "unis" are "unees", 19).
/// </summary>
internal static class HindiNumberWords
{
    /// <summary>The digits and the commonest numbers, in the spellings seen most.</summary>
    public static readonly (string Word, string Digits)[] Common =
    [
        ("shunya", "0"), ("shoonya", "0"), ("sunya", "0"), ("ek", "1"), ("do", "2"), ("teen", "3"), ("char", "4"), ("chaar", "4"),
        ("paanch", "5"), ("panch", "5"), ("chhe", "6"), ("chhah", "6"), ("chah", "6"), ("saat", "7"), ("sat", "7"), ("aath", "8"), ("aat", "8"),
        ("ath", "8"), ("nau", "9"), ("das", "10"), ("gyarah", "11"), ("barah", "12"), ("baarah", "12"), ("terah", "13"), ("chaudah", "14"), ("pandrah", "15"),
        ("solah", "16"), ("satrah", "17"), ("atharah", "18"), ("unnis", "19"), ("bees", "20"), ("ikkis", "21"), ("baais", "22"), ("teis", "23"),
        ("chaubis", "24"), ("pachchis", "25"), ("chhabbis", "26"), ("sattais", "27"), ("atthais", "28"), ("untis", "29"), ("tees", "30"),
        ("paintis", "35"), ("chalis", "40"), ("chaalis", "40"), ("chhappan", "56"), ("paintalis", "45"), ("pachas", "50"), ("pachpan", "55"), ("sattar", "70"), ("assi", "80"),
        ("nabbe", "90"), ("ninyanve", "99"),
    ];

    // "saath" (60) is left out: it is also "with".
    private static readonly (string Words, int Value)[] Numbers =
    [
        ("gyaarah", 11), ("athaarah", 18), ("unees", 19), ("ikkees", 21), ("bais", 22), ("chaubees", 24), ("pachees", 25),
        ("chhabbees", 26), ("sattaees", 27), ("athaees", 28), ("unatees", 29), ("ikattis ikatees iktees", 31), ("battis battees", 32),
        ("taintis tentees tetees", 33), ("chauntis chautees chauntees chontis", 34), ("paintees", 35), ("chhattis chhattees", 36),
        ("saintis saintees", 37), ("adtis artees adtees", 38), ("untalis untaalees", 39), ("chalees", 40), ("iktalis iktaalees", 41),
        ("bayalis bayaalees", 42), ("taintalis tentaalees", 43), ("chavalis chauvalees chawalis", 44), ("paintaalees", 45),
        ("chhiyalis chhiyaalees", 46), ("saintalis saintaalees", 47), ("adtalis artaalees", 48), ("unchas unchaas", 49), ("pachaas", 50),
        ("ikyavan ikyaavan", 51), ("bavan baavan", 52), ("tirpan tirepan", 53), ("chauvan chauvvan", 54), ("sattavan sattaavan", 57),
        ("athavan atthaavan", 58), ("unsath unsaath", 59), ("iksath iksaath", 61), ("basath baasath", 62), ("tirsath tiresath", 63),
        ("chausath chaunsath", 64), ("painsath", 65), ("chhiyasath chhiyaasath", 66), ("sadsath sarsath", 67), ("adsath arsath", 68),
        ("unhattar", 69), ("ikhattar", 71), ("bahattar", 72), ("tihattar", 73), ("chauhattar", 74), ("pachhattar", 75), ("chhihattar", 76),
        ("satattar sathattar", 77), ("athattar", 78), ("unasi unaasi", 79), ("ikyasi", 81), ("bayasi", 82), ("tirasi", 83), ("chaurasi", 84),
        ("pachasi", 85), ("chhiyasi", 86), ("sattasi", 87), ("athasi athaasi", 88), ("navasi nawasi", 89), ("ikyanve", 91), ("banve", 92),
        ("tiranve", 93), ("chauranve", 94), ("pachanve", 95), ("chhiyanve", 96), ("sattanve", 97), ("athanve atthanve", 98), ("ninyanave", 99),
    ];

    // Words shorter than this are read only as written: short words fold into too many others.
    private const int MinLooseLength = 5;

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Loose = BuildLoose().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every number below a hundred in its spellings, one word each.</summary>
    public static IEnumerable<(string Word, string Digits)> BelowHundred() =>
        Numbers.SelectMany(n => n.Words.Split(' ').Select(word => (word, n.Value.ToString(CultureInfo.InvariantCulture))));

    /// <summary>A Hindi number word in a spelling not listed: "baees" (22), "unnees" (19), "chauraasi" (84).</summary>
    public static bool TryLooseSpelling(ReadOnlySpan<char> word, out string digits)
    {
        digits = "";
        return word.Length >= MinLooseLength && Loose.TryGetValue(Fold(word), out digits!);
    }

    private static Dictionary<string, string> BuildLoose()
    {
        var loose = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, digits) in Common.Concat(BelowHundred()))
        {
            var key = Fold(word);
            if (loose.TryGetValue(key, out var other) && other != digits)
            {
                ambiguous.Add(key);
            }

            loose[key] = digits;
        }

        // A folded spelling two numbers share ("chhe" and "chhah") is read as neither.
        foreach (var key in ambiguous)
        {
            loose.Remove(key);
        }

        return loose;
    }

    /// <summary>Lower case, "ee" as "i", "oo" as "u", "w" as "v", and every doubled letter (so "aa") once.</summary>
    private static string Fold(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant().Replace("ee", "i", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal).Replace('w', 'v');
        var folded = new System.Text.StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (folded.Length == 0 || folded[^1] != c)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }
}
