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

        if (NumberWords.IsLookAlikeDigits(word))
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
        return NumberWords.IsLookAlikeDigits(span) || NumberWords.TrySpelled(span, out _);
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
            if (piece.Kind != PhonePieceKind.Word || !NumberWords.TryHundreds(Span(text, piece), out var hundreds))
            {
                result.Add(piece);
                continue;
            }

            if (i + 1 < pieces.Count && pieces[i + 1] is { Kind: PhonePieceKind.Spelled, Digits.Length: 1 or 2 } rest && IsShortGap(text, piece.End, rest.Start))
            {
                result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, rest.End, hundreds + rest.Digits.PadLeft(2, '0')));
                i++;
            }
            else
            {
                result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, piece.End, hundreds + "00"));
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
            if (piece.Kind == PhonePieceKind.Word && NumberWords.TryTens(Span(text, piece), out var tens))
            {
                var unit = i + 1;
                if (unit < pieces.Count && pieces[unit].Kind == PhonePieceKind.Filler && Span(text, pieces[unit]) is "y" or "Y")
                {
                    unit++;
                }

                if (unit < pieces.Count && IsSingleSpelledDigit(pieces[unit]) && pieces[unit].Digits != "0" && IsShortGap(text, pieces[unit - 1].End, pieces[unit].Start))
                {
                    result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, pieces[unit].End, tens + pieces[unit].Digits));
                    i = unit;
                }
                else
                {
                    result.Add(new PhonePiece(PhonePieceKind.Spelled, piece.Start, piece.End, tens + "0"));
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

    private static bool IsSingleSpelledDigit(PhonePiece piece) => piece.Kind == PhonePieceKind.Spelled && piece.Digits.Length == 1;

    private static bool IsShortGap(string text, int from, int to) => to - from <= 2 && text.AsSpan(from, to - from).Trim(" -").IsEmpty;

    private static ReadOnlySpan<char> Span(string text, PhonePiece piece) => text.AsSpan(piece.Start, piece.End - piece.Start);
}
