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

        return RepeatedDigits.Expand(text, SpelledNumberJoiner.Join(text, pieces));
    }

    private static PhonePiece ClassifyWord(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (NumberWords.TrySpelled(word, out var digits))
        {
            return new PhonePiece(PhonePieceKind.Spelled, start, end, digits);
        }

        // German glues a leading zero to the number after it: "nullsechshundertsechzig" is 0660, "nullhundertsiebzig" 0170.
        if (word.Length > 6 && word.StartsWith("null", StringComparison.OrdinalIgnoreCase) && NumberWords.TrySpelled(word[4..], out var rest))
        {
            return new PhonePiece(PhonePieceKind.Spelled, start, end, "0" + rest);
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
}
