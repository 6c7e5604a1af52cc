namespace BowInbox.Core.Scanning;

/// <summary>Cuts a normalized text into the pieces the phone finder chains together.</summary>
internal static class PhoneTokenizer
{
    public static List<PhonePiece> Tokenize(string text)
    {
        var pieces = new List<PhonePiece>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '+')
            {
                pieces.Add(new PhonePiece(PhonePieceKind.Plus, i, i + 1, ""));
                i++;
            }
            else if (char.IsAsciiDigit(c) || char.IsLetter(c))
            {
                var end = i;
                var hasDigit = false;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || char.IsLetter(text[end])))
                {
                    hasDigit |= char.IsAsciiDigit(text[end]);
                    end++;
                }

                if (hasDigit)
                {
                    AddAlphanumeric(text, i, end, pieces);
                }
                else
                {
                    pieces.Add(ClassifyWord(text, i, end));
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        return Combine(text, pieces);
    }

    private static PhonePiece ClassifyWord(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (NumberWords.TrySpelled(word, out var digits))
        {
            return new PhonePiece(PhonePieceKind.Spelled, start, end, digits);
        }

        if (NumberWords.IsLookAlikeDigits(word) || (word.Length <= 3 && NumberWords.IsWideLookAlikeDigits(word)))
        {
            return new PhonePiece(PhonePieceKind.LookAlike, start, end, NumberWords.LookAlikeDigits(word));
        }

        if (NumberWords.IsOh(word))
        {
            return new PhonePiece(PhonePieceKind.LookAlike, start, end, "0");
        }

        if (NumberWords.IsConnector(word))
        {
            return new PhonePiece(PhonePieceKind.Connector, start, end, "");
        }

        return new PhonePiece(NumberWords.IsConnectorFiller(word) ? PhonePieceKind.Filler : PhonePieceKind.Word, start, end, "");
    }

    /// <summary>
    /// A run of letters and digits with no space in it: digits and look-alike letters stick together
    /// ("555O1OO"), other letters stay words that touch the digits ("15mm", "SW1A").
    /// </summary>
    private static void AddAlphanumeric(string text, int start, int end, List<PhonePiece> pieces)
    {
        var parts = new List<(int Start, int End, bool IsDigits)>();
        for (var i = start; i < end;)
        {
            var digits = char.IsAsciiDigit(text[i]);
            var j = i;
            while (j < end && char.IsAsciiDigit(text[j]) == digits)
            {
                j++;
            }

            parts.Add((i, j, digits));
            i = j;
        }

        var k = 0;
        while (k < parts.Count)
        {
            var part = parts[k];
            if (!part.IsDigits && !(IsDigitInDisguise(text, part) && TouchesDigits(parts, k)))
            {
                pieces.Add(new PhonePiece(PhonePieceKind.Word, part.Start, part.End, ""));
                k++;
                continue;
            }

            var first = k;
            var lookAlikes = false;
            var digitsText = new System.Text.StringBuilder();
            while (k < parts.Count && (parts[k].IsDigits || IsDigitInDisguise(text, parts[k])))
            {
                var span = text.AsSpan(parts[k].Start, parts[k].End - parts[k].Start);
                if (parts[k].IsDigits)
                {
                    digitsText.Append(span);
                }
                else
                {
                    lookAlikes = true;
                    digitsText.Append(NumberWords.TrySpelled(span, out var spelled) ? spelled : NumberWords.LookAlikeDigits(span));
                }

                k++;
            }

            pieces.Add(new PhonePiece(PhonePieceKind.Digits, parts[first].Start, parts[k - 1].End, digitsText.ToString())
            {
                HasLookAlikes = lookAlikes,
                GluedWordBefore = first > 0 ? parts[first - 1].End - parts[first - 1].Start : 0,
                GluedWordAfter = k < parts.Count ? parts[k].End - parts[k].Start : 0,
            });
        }
    }

    /// <summary>Letters glued to digits that stand for digits: "555O1OO", "01five2".</summary>
    private static bool IsDigitInDisguise(string text, (int Start, int End, bool IsDigits) part)
    {
        var span = text.AsSpan(part.Start, part.End - part.Start);
        return NumberWords.IsLookAlikeDigits(span) || (span.Length <= 3 && NumberWords.IsWideLookAlikeDigits(span)) || NumberWords.TrySpelled(span, out _);
    }

    private static bool TouchesDigits(List<(int Start, int End, bool IsDigits)> parts, int k) =>
        (k > 0 && parts[k - 1].IsDigits) || (k + 1 < parts.Count && parts[k + 1].IsDigits);

    /// <summary>Joins "fifty five", "treinta y cuatro", "seiscientos doce" into one number and expands "double five".</summary>
    private static List<PhonePiece> Combine(string text, List<PhonePiece> pieces) => CombineHundreds(text, CombineTens(text, pieces));

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
