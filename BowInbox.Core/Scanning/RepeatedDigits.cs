namespace BowInbox.Core.Scanning;

/// <summary>
/// Digits given by how often they repeat or in Roman numerals, which the phone finder then reads like any spelled digit:
/// "3 fois le 4" (444), "dreimal die Acht" (888), "teen baar 7" (777), "three times 5"; and a run of Roman numerals
/// ("0 VII IX III, V V I, IV…"), never a lone "I" or "V".
/// </summary>
internal static class RepeatedDigits
{
    private static readonly HashSet<string> Times = new(
        ["times", "fois", "veces", "vezes", "mal", "baar", "bar", "bār", "volte"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Articles = new(
        ["the", "le", "la", "el", "o", "a", "die", "der", "das", "den", "ek", "un", "um"], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> GluedCounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zweimal"] = 2,
        ["dreimal"] = 3,
        ["viermal"] = 4,
        ["fünfmal"] = 5,
        ["twice"] = 2,
        ["thrice"] = 3,
    };

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

    public static List<PhonePiece> Expand(string text, List<PhonePiece> pieces) => ReadRoman(text, Repeat(text, pieces));

    private static List<PhonePiece> Repeat(string text, List<PhonePiece> pieces)
    {
        var result = new List<PhonePiece>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            var count = CountAt(text, pieces, i, out var next);
            if (count is >= 2 and <= 5 && next < pieces.Count)
            {
                var digit = next;
                if (pieces[digit].Kind != PhonePieceKind.Digits && pieces[digit].Kind != PhonePieceKind.Spelled && Articles.Contains(Word(text, pieces[digit])))
                {
                    digit++;
                }

                if (digit < pieces.Count && pieces[digit].Kind is PhonePieceKind.Digits or PhonePieceKind.Spelled && pieces[digit].Digits.Length == 1)
                {
                    result.Add(new PhonePiece(PhonePieceKind.Spelled, pieces[i].Start, pieces[digit].End, new string(pieces[digit].Digits[0], count)));
                    i = digit;
                    continue;
                }
            }

            result.Add(pieces[i]);
        }

        return result;
    }

    /// <summary>"3 fois", "teen baar", "dreimal": how many times, and the piece after the times word.</summary>
    private static int CountAt(string text, List<PhonePiece> pieces, int i, out int next)
    {
        next = i + 1;
        var piece = pieces[i];
        if (piece.Kind == PhonePieceKind.Word && GluedCounts.TryGetValue(Word(text, piece), out var glued))
        {
            return glued;
        }

        if (piece.Kind is PhonePieceKind.Digits or PhonePieceKind.Spelled && piece.Digits.Length == 1 && i + 1 < pieces.Count
            && pieces[i + 1].Kind is not (PhonePieceKind.Digits or PhonePieceKind.Spelled) && Times.Contains(Word(text, pieces[i + 1])))
        {
            next = i + 2;
            return piece.Digits[0] - '0';
        }

        return 0;
    }

    /// <summary>Roman numerals count only in a run of at least four of them among at most a few digits, nothing else between.</summary>
    private static List<PhonePiece> ReadRoman(string text, List<PhonePiece> pieces)
    {
        var result = new List<PhonePiece>(pieces);
        var i = 0;
        while (i < result.Count)
        {
            var end = i;
            var romans = 0;
            while (end < result.Count && (IsRoman(text, result[end]) || (result[end].Kind == PhonePieceKind.Digits && result[end].Digits.Length == 1)))
            {
                romans += IsRoman(text, result[end]) ? 1 : 0;
                end++;
            }

            if (romans >= 4 && end - i >= 7)
            {
                for (var k = i; k < end; k++)
                {
                    if (IsRoman(text, result[k]))
                    {
                        result[k] = new PhonePiece(PhonePieceKind.Spelled, result[k].Start, result[k].End, RomanDigits(Word(text, result[k])));
                    }
                }
            }

            i = Math.Max(end, i + 1);
        }

        return result;
    }

    private static bool IsRoman(string text, PhonePiece piece) =>
        piece.Kind is PhonePieceKind.Word or PhonePieceKind.LookAlike
        && (Array.IndexOf(Roman, Word(text, piece)) >= 0 || Word(text, piece).All(c => c is 'I' or 'V'));

    /// <summary>"VII" is 7; "VVI", closed up from "V V I" by the normalizer, is one numeral a letter: 551.</summary>
    private static string RomanDigits(string word)
    {
        var index = Array.IndexOf(Roman, word);
        return index >= 0 ? ((char)('1' + index)).ToString() : string.Concat(word.Select(c => c == 'V' ? '5' : '1'));
    }

    private static string Word(string text, PhonePiece piece) => text[piece.Start..piece.End];
}
