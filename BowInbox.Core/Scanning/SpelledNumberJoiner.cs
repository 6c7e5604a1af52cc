namespace BowInbox.Core.Scanning;

/// <summary>
/// Joins the words of a number spelled out over several words into one piece: tens and units ("fifty five", "treinta y
/// cuatro", "quatre-vingt-douze"), hundreds ("seiscientos doce", "cento e doze", "saat sau baarah") and repeats ("double five").
/// </summary>
internal static class SpelledNumberJoiner
{
    /// <summary>Joins "fifty five", "treinta y cuatro", "seiscientos doce" into one number and expands "double five".</summary>
    public static List<PhonePiece> Join(string text, List<PhonePiece> pieces) => CombineHundreds(text, CombineTens(text, pieces));

    private static List<PhonePiece> CombineHundreds(string text, List<PhonePiece> pieces)
    {
        var result = new List<PhonePiece>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var head = i;
            string? hundreds;
            if (piece.Kind == PhonePieceKind.Word && NumberWords.TryHundreds(Span(text, piece), out var word))
            {
                hundreds = word;
            }
            else if (IsSingleSpelledDigit(piece) && piece.Digits != "0" && i + 1 < pieces.Count && IsShortGap(text, piece.End, pieces[i + 1].Start)
                     && NumberWords.IsHundredsWord(Span(text, pieces[i + 1])))
            {
                // A digit and a hundreds word: Hinglish "saat sau baarah" is 712, French "deux cent douze", "seven hundred twelve".
                hundreds = piece.Digits;
                head = i + 1;
            }
            else
            {
                result.Add(piece);
                continue;
            }

            // Portuguese puts "e" after the hundreds: "cento e doze" is 112, "novecentos e trinta e quatro" 934.
            var next = head + 1;
            if (next + 1 < pieces.Count && pieces[next].Kind == PhonePieceKind.Filler && IsUnitFiller(Span(text, pieces[next])) && IsShortGap(text, pieces[head].End, pieces[next].Start))
            {
                next++;
            }

            if (next < pieces.Count && pieces[next] is { Kind: PhonePieceKind.Spelled, Digits.Length: 1 or 2 } rest && IsShortGap(text, pieces[next - 1].End, rest.Start))
            {
                result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, rest.End, hundreds + rest.Digits.PadLeft(2, '0')));
                i = next;
            }
            else
            {
                result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, pieces[head].End, hundreds + "00"));
                i = head;
            }
        }

        return result;
    }

    private static List<PhonePiece> CombineTens(string text, List<PhonePiece> pieces)
    {
        var result = new List<PhonePiece>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (TryTens(text, pieces, i, out var tens, out var last))
            {
                // "soixante-dix-sept" is 77 and "quatre-vingt-douze" 92: French tens that take a teen.
                var unit = last + 1;
                if (unit < pieces.Count && pieces[unit].Kind == PhonePieceKind.Filler && IsUnitFiller(Span(text, pieces[unit])))
                {
                    unit++;
                }

                var takesTeen = tens is 6 or 8;
                if (unit < pieces.Count && IsShortGap(text, pieces[unit - 1].End, pieces[unit].Start) && Unit(text, pieces, unit, takesTeen, out var value, out var end))
                {
                    result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, pieces[end].End, ((tens * 10) + value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    i = end;
                }
                else
                {
                    result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, pieces[last].End, (tens * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    i = last;
                }

                continue;
            }

            var times = piece.Kind == PhonePieceKind.Word ? NumberWords.Repeat(Span(text, piece)) : 0;
            if (times > 0 && i + 1 < pieces.Count && pieces[i + 1] is { Kind: PhonePieceKind.Spelled or PhonePieceKind.Digits or PhonePieceKind.LookAlike, Digits.Length: 1 } next
                && IsShortGap(text, piece.End, next.Start))
            {
                result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, next.End, new string(next.Digits[0], times)));
                i++;
                continue;
            }

            result.Add(piece);
        }

        return result;
    }

    /// <summary>A tens word at <paramref name="i"/>, or French "quatre-vingt(s)" (80) over two words.</summary>
    private static bool TryTens(string text, List<PhonePiece> pieces, int i, out int tens, out int last)
    {
        last = i;
        tens = 0;
        var piece = pieces[i];
        if (piece.Kind == PhonePieceKind.Spelled && piece.Digits == "4" && i + 1 < pieces.Count && IsShortGap(text, piece.End, pieces[i + 1].Start)
            && Span(text, pieces[i + 1]) is var next && (next.Equals("vingt", StringComparison.OrdinalIgnoreCase) || next.Equals("vingts", StringComparison.OrdinalIgnoreCase)))
        {
            (tens, last) = (8, i + 1);
            return true;
        }

        if (piece.Kind == PhonePieceKind.Word && NumberWords.TryTens(Span(text, piece), out var digit))
        {
            tens = digit[0] - '0';
            return true;
        }

        return false;
    }

    /// <summary>The unit after a tens word: one to nine, or for French 60 and 80 a teen ("dix-sept" over two words).</summary>
    private static bool Unit(string text, List<PhonePiece> pieces, int at, bool takesTeen, out int value, out int end)
    {
        value = 0;
        end = at;
        var piece = pieces[at];
        if (piece.Kind != PhonePieceKind.Spelled || piece.Digits == "0" || piece.Digits.Length > 2)
        {
            return false;
        }

        if (piece.Digits.Length == 1)
        {
            value = piece.Digits[0] - '0';
            return true;
        }

        if (!takesTeen || !NumberWords.IsTeen(piece.Digits))
        {
            return false;
        }

        value = int.Parse(piece.Digits, System.Globalization.CultureInfo.InvariantCulture);
        if (value == 10 && at + 1 < pieces.Count && IsSingleSpelledDigit(pieces[at + 1]) && pieces[at + 1].Digits[0] >= '7' && IsShortGap(text, piece.End, pieces[at + 1].Start))
        {
            value += pieces[at + 1].Digits[0] - '0';
            end = at + 1;
        }

        return true;
    }

    private static bool IsUnitFiller(ReadOnlySpan<char> word) =>
        word.Equals("y", StringComparison.OrdinalIgnoreCase) || word.Equals("e", StringComparison.OrdinalIgnoreCase)
        || word.Equals("et", StringComparison.OrdinalIgnoreCase) || word.Equals("and", StringComparison.OrdinalIgnoreCase);

    private static bool IsSingleSpelledDigit(PhonePiece piece) => piece.Kind == PhonePieceKind.Spelled && piece.Digits.Length == 1;

    private static bool IsShortGap(string text, int from, int to) => to - from <= 2 && text.AsSpan(from, to - from).Trim(" -").IsEmpty;

    private static ReadOnlySpan<char> Span(string text, PhonePiece piece) => text.AsSpan(piece.Start, piece.End - piece.Start);
}
