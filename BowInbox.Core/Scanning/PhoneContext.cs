using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Recognises the ordinary numbers of a home-services chat that are long enough to look like a
/// phone number: order and job references, prices, measurements, dates, times, codes.
/// </summary>
internal static partial class PhoneContext
{
    private static readonly HashSet<string> UnitWords = new(
        [
            "usd", "dollars", "dollar", "dolares", "dólares", "dolar", "dólar", "bucks", "eur", "euro", "euros", "pesos", "peso",
            "mxn", "cop", "ars", "clp", "gbp", "pounds", "quid", "k", "mil", "millones", "million", "millions", "thousand",
            "grand", "cents", "centavos", "percent", "porciento", "mm", "cm", "m", "km", "mts", "metros", "metres", "meters",
            "m2", "kg", "g", "gr", "lb", "lbs", "oz", "ft", "feet", "foot", "inch", "inches", "pulgadas", "gal", "gallons",
            "l", "lt", "litros", "liters", "litres", "psi", "bar", "w", "kw", "kwh", "watts", "v", "volts", "amps", "btu",
            "sqft", "sq", "hours", "hrs", "h", "horas", "min", "mins", "minutes", "minutos", "days", "dias", "días", "years",
            "anos", "años", "units", "unidades", "pcs", "piezas", "uds", "pm", "am", "rpm", "mah", "gb", "tb", "mb",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> CurrencyWordsBefore = new(["usd", "us", "eur", "mxn", "cop", "ars", "clp", "gbp", "pen", "price", "precio", "total", "cost", "costs"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Units = UnitWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Currencies = CurrencyWordsBefore.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsInnocent(string text, List<PhonePiece> pieces, int first, int last)
    {
        var head = pieces[first];
        var tail = pieces[last];
        if (head.GluedWordBefore is > 0 and <= 2 || tail.GluedWordAfter is > 0 and <= 3)
        {
            return true;
        }

        var number = text.AsSpan(head.Start, tail.End - head.Start);
        return IsReferenceOrPrice(text, pieces, first) || IsFollowedByUnit(text, pieces, last) || HasInnocentShape(number) || IsZipPlusFour(text, pieces, first, number);
    }

    /// <summary>A US ZIP+4 after its state ("Dallas TX 75202-3314") is a postcode.</summary>
    private static bool IsZipPlusFour(string text, List<PhonePiece> pieces, int first, ReadOnlySpan<char> number) =>
        ZipPlusFourShape().IsMatch(number) && first > 0 && pieces[first - 1] is { Kind: PhonePieceKind.Word } state
        && state.End - state.Start == 2 && char.IsUpper(text[state.Start]) && char.IsUpper(text[state.Start + 1]);

    /// <summary>
    /// "n° 00/128 447 603", "Nr. 4455 6677": a number labelled with the abbreviation of "number" alone is a numbered thing (a
    /// contract, a device), unless the sentence talks about phoning ("mon n° de portable", "ruf an, Nr. 0176…").
    /// </summary>
    private static bool IsNumberedThing(string text, List<PhonePiece> pieces, int first)
    {
        var before = pieces[first - 1];
        var word = text.AsSpan(before.Start, before.End - before.Start);
        var gap = text.AsSpan(before.End, pieces[first].Start - before.End);
        var abbreviation = (word.Equals("n", StringComparison.OrdinalIgnoreCase) && gap.IndexOfAny("°º") >= 0)
            || ((word.Equals("nr", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.Ordinal)) && gap.TrimStart().StartsWith('.'));
        if (!abbreviation)
        {
            return false;
        }

        var sentence = text.AsSpan(0, before.Start);
        var start = sentence.LastIndexOfAny(".!?\n");
        return !PhoneWord().IsMatch(sentence[(start + 1)..]);
    }

    [GeneratedRegex(@"^\d{5}-\d{4}$")]
    private static partial Regex ZipPlusFourShape();

    [GeneratedRegex(@"\b(?:phone|cell|mobile|call|text|ring|whats\s?app|wsp|zap|tel|t[eé]l[eé]phone|telefon|tel[eé]fono|telem[oó]vel|portable|handy|celular|cel|m[oó]vil|appel\w*|ruf\w*|anruf\w*|llam\w*|liga(?:r|me)?|fixe|festnetz|sms)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();

    public static bool IsReferenceOrPrice(string text, List<PhonePiece> pieces, int first)
    {
        var before = first > 0 ? pieces[first - 1] : default;
        var gapStart = first > 0 ? before.End : 0;
        var gap = text.AsSpan(gapStart, pieces[first].Start - gapStart);
        if (gap.IndexOfAny("$€£¥№₹") >= 0 || gap.TrimEnd().EndsWith('#'))
        {
            return true;
        }

        // "INV-2026-0512-33", "A/5550100": letters joined to the number make it a code.
        if (first > 0 && before.Kind == PhonePieceKind.Word && gap is "-" or "/" or "_")
        {
            return true;
        }

        if (first > 0 && before.Kind == PhonePieceKind.Word && IsNumberedThing(text, pieces, first))
        {
            return true;
        }

        // "1ESY1160 4455 66": a number glued to letters that are themselves glued to digits is a meter or serial code.
        if (first > 0 && before.Kind == PhonePieceKind.Word && gap.IsEmpty && before.Start > 0 && char.IsAsciiDigit(text[before.Start - 1]))
        {
            return true;
        }

        // "S/N 4455 6677 8899", "P/N", "A/C": abbreviations written with a slash, whose letters read as pieces of their own.
        if (SlashAbbreviation().IsMatch(text.AsSpan(0, pieces[first].Start)))
        {
            return true;
        }

        var transparent = 0;
        var numberWord = false;
        for (var j = first - 1; j >= 0; j--)
        {
            var piece = pieces[j];
            var between = text.AsSpan(piece.End, pieces[j + 1].Start - piece.End);
            // "abri o sinistro na seguradora, o número é 2025…": after a comma, "the number is" still points back to what was named.
            var commaBeforeNumberWord = numberWord && between.IndexOfAny(".;!?\n") < 0 && between.Count(',') == 1;
            if (j < first - 1 && between.IndexOfAny(".,;!?\n") >= 0 && !IsAbbreviationDot(text, piece, between) && !commaBeforeNumberWord)
            {
                return false;
            }

            if (piece.Kind == PhonePieceKind.Plus)
            {
                continue;
            }

            // A code of digits and letters between a reference word and its number: "Zählernummer 1ESY 1160 4478 21".
            // So is a lone digit before an upper-case code: "Stromzähler Nr. 1 EMH 00 7348 2916".
            if (piece.Kind == PhonePieceKind.Digits && ((piece.GluedWordAfter == 0 && !IsDigitBeforeCode(text, pieces, j)) || piece.Digits.Length > 2 || ++transparent > MaxTransparent))
            {
                return false;
            }

            if (piece.Kind == PhonePieceKind.Digits)
            {
                continue;
            }

            var word = text.AsSpan(piece.Start, piece.End - piece.Start);
            numberWord |= word is "number" or "número" or "numero" or "numéro" or "nummer" or "Number" or "Número" or "Numéro" or "Nummer";
            // Lower-case "po" is the Filipino courtesy word ("text me po 0917…"); a purchase order is "PO".
            if ((References.Contains(word) && !word.SequenceEqual("po") && !IsAreaCode(text, pieces, j, word))
                || (j == first - 1 && Currencies.Contains(word))
                || (char.IsLower(word[0]) && word is "bill" or "bills")
                || IsPartNumber(text, pieces, j, word))
            {
                return true;
            }

            if (IsReferenceCompound(word))
            {
                return true;
            }

            // Names ("Linky", "Mapfre") and short codes ("FD", "VC") between a reference word and its number.
            var name = char.IsUpper(word[0]) && (word.Length > 1 || word[0] is not ('I' or 'A' or 'O' or 'E' or 'Y'));
            if ((!Transparent.Contains(word) && !name) || ++transparent > MaxTransparent)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsDigitBeforeCode(string text, List<PhonePiece> pieces, int j)
    {
        if (pieces[j].Digits.Length != 1 || j + 1 >= pieces.Count || pieces[j + 1].Kind != PhonePieceKind.Word)
        {
            return false;
        }

        var next = text.AsSpan(pieces[j + 1].Start, pieces[j + 1].End - pieces[j + 1].Start);
        return next.Length >= 2 && !next.ContainsAnyExceptInRange('A', 'Z');
    }

    /// <summary>"USt-IdNr. DE 284…", "Steuer-Nr. DE 312…": the dot of an abbreviated reference, not the end of a sentence.</summary>
    private static bool IsAbbreviationDot(string text, PhonePiece piece, ReadOnlySpan<char> between)
    {
        var word = text.AsSpan(piece.Start, piece.End - piece.Start);
        return between.Trim() is "." && piece.Kind == PhonePieceKind.Word
            && (IsReferenceCompound(word) || References.Contains(word) || word is "nr" or "Nr" or "NR" or "no" or "No" or "NO" or "num" or "Num" or "nbr");
    }

    /// <summary>"the area code is 0161": the code of a phone, not a reference.</summary>
    private static bool IsAreaCode(string text, List<PhonePiece> pieces, int j, ReadOnlySpan<char> word) =>
        word.Equals("code", StringComparison.OrdinalIgnoreCase) && j > 0 && text.AsSpan(pieces[j - 1].Start, pieces[j - 1].End - pieces[j - 1].Start).Equals("area", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "número de parte 4560941761" is a part (or claim report) number, while "primera parte 819 segunda parte 397" splits
    /// a phone: "parte" is a reference only after "número de".
    /// </summary>
    private static bool IsPartNumber(string text, List<PhonePiece> pieces, int j, ReadOnlySpan<char> word)
        => word.Equals("parte", StringComparison.OrdinalIgnoreCase) && NumberOf().IsMatch(text.AsSpan(0, pieces[j].Start));

    [GeneratedRegex(@"\b(?:s/n|p/n|a/c|n/s|m/n|nfs?-e)\s*[:#.]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlashAbbreviation();

    [GeneratedRegex(@"\b(?:n[uú]mero|n[º°o]\.?)\s+de\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberOf();

    /// <summary>German runs words together: "Bestellnummer", "Schadennummer", "Kundennr"; a phone's number is not one.</summary>
    private static bool IsReferenceCompound(ReadOnlySpan<char> word)
    {
        foreach (var ending in CompoundEndings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                var head = word[..^ending.Length];
                foreach (var phone in PhoneCompounds)
                {
                    if (head.EndsWith(phone, StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static readonly string[] CompoundEndings = ["nummer", "nr", "schein", "stand", "code", "teil", "zähler", "zaehler", "vertrag", "rechnung"];
    private static readonly string[] PhoneCompounds = ["handy", "telefon", "tel", "mobil", "ruf", "whatsapp", "fax", "kontakt", "notfall", "durchwahl", "festnetz"];

    private static bool IsFollowedByUnit(string text, List<PhonePiece> pieces, int last)
    {
        var end = pieces[last].End;
        var nextStart = last + 1 < pieces.Count ? pieces[last + 1].Start : text.Length;
        var gap = text.AsSpan(end, nextStart - end);
        if (gap.IndexOfAny("%€$£#") >= 0)
        {
            return true;
        }

        if (last + 1 >= pieces.Count || gap.Length > 2 || !gap.Trim().IsEmpty)
        {
            return false;
        }

        var next = pieces[last + 1];
        return next.Kind == PhonePieceKind.Word && Units.Contains(text.AsSpan(next.Start, next.End - next.Start));
    }

    /// <summary>Postcodes listed one after another ("28013 28014") are five-digit groups, which no phone uses.</summary>
    public static bool IsPostcodeList(IReadOnlyList<int> groups) => (groups.Count >= 2 && groups.All(g => g == 5)) || groups is [5, 3];

    private static bool HasInnocentShape(ReadOnlySpan<char> number) =>
        DateShape().IsMatch(number) || TimeRangeShape().IsMatch(number) || YearRangeShape().IsMatch(number) || ThousandsShape().IsMatch(number)
        || TaxIdShape().IsMatch(number) || RoundPostcodeShape().IsMatch(number);

    // A Chilean postcode (Santiago 7500000) is seven digits ending in zeros; a bare run of them is no phone.
    [GeneratedRegex(@"^\d{3}0000$")]
    private static partial Regex RoundPostcodeShape();

    // A Brazilian CPF (123.456.789-09) is a tax number.
    [GeneratedRegex(@"^\d{3}\.\d{3}\.\d{3}-\d{2}$")]
    private static partial Regex TaxIdShape();

    [GeneratedRegex(@"^(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^\d{1,2}[.:]\d{2}\s*[-–—]+\s*\d{1,2}[.:]\d{2}$")]
    private static partial Regex TimeRangeShape();

    [GeneratedRegex(@"^(?:19|20)\d{2}\s*[-–—/]+\s*(?:19|20)?\d{2}$")]
    private static partial Regex YearRangeShape();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$|^\d{1,3}(?:\.\d{3})+,\d{1,2}$")]
    private static partial Regex ThousandsShape();
}
