using System.Text.RegularExpressions;

namespace BowInbox.Core.Scanning;

/// <summary>
/// Recognises the ordinary numbers of a home-services chat that are long enough to look like a
/// phone number: order and job references, prices, measurements, dates, times, codes.
/// </summary>
internal static partial class PhoneContext
{
    // A number right after one of these (skipping "number", "is", "#"...) is a reference, not a phone.
    private static readonly HashSet<string> ReferenceWords = new(
        [
            "job", "order", "ticket", "invoice", "inv", "ref", "reference", "receipt", "booking", "reservation",
            "confirmation", "conf", "tracking", "serial", "sn", "model", "part", "sku", "item", "account", "acct", "claim",
            "policy", "po", "id", "pin", "code", "door", "gate", "lockbox", "room", "zip", "postcode", "postal", "quote",
            "estimate", "permit", "license", "licence", "vin", "plate", "meter", "unit", "lot", "batch", "voucher", "coupon",
            "pedido", "factura", "referencia", "recibo", "reserva", "expediente", "modelo", "serie", "pieza", "codigo", "código",
            "clave", "portal", "puerta", "cp", "folio", "orden", "presupuesto", "dni", "nif", "nie", "cif", "rfc", "curp",
            "ssn", "licencia", "permiso", "matricula", "matrícula", "placa", "contador", "cuenta", "lote", "cupon", "cupón",
            "contraseña", "password", "wifi", "tarjeta", "card",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> TransparentWords = new(
        ["number", "numbers", "no", "nº", "num", "nr", "nbr", "numero", "número", "is", "es", "the", "el", "la", "de", "del", "your", "tu", "su", "our", "nuestro", "was", "era"],
        StringComparer.OrdinalIgnoreCase);

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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> References = ReferenceWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Transparent = TransparentWords.GetAlternateLookup<ReadOnlySpan<char>>();
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

        return IsReferenceOrPrice(text, pieces, first) || IsFollowedByUnit(text, pieces, last) || HasInnocentShape(text.AsSpan(head.Start, tail.End - head.Start));
    }

    private static bool IsReferenceOrPrice(string text, List<PhonePiece> pieces, int first)
    {
        var before = first > 0 ? pieces[first - 1] : default;
        var gapStart = first > 0 ? before.End : 0;
        var gap = text.AsSpan(gapStart, pieces[first].Start - gapStart);
        if (gap.IndexOfAny("$€£¥№") >= 0 || gap.TrimEnd().EndsWith('#'))
        {
            return true;
        }

        // "INV-2026-0512-33", "A/5550100": letters joined to the number make it a code.
        if (first > 0 && before.Kind == PhonePieceKind.Word && gap is "-" or "/" or "_")
        {
            return true;
        }

        var transparent = 0;
        for (var j = first - 1; j >= 0; j--)
        {
            var piece = pieces[j];
            var between = text.AsSpan(piece.End, pieces[j + 1].Start - piece.End);
            if (j < first - 1 && between.IndexOfAny(".,;!?\n") >= 0)
            {
                return false;
            }

            if (piece.Kind == PhonePieceKind.Plus)
            {
                continue;
            }

            if (piece.Kind == PhonePieceKind.Digits)
            {
                return false;
            }

            var word = text.AsSpan(piece.Start, piece.End - piece.Start);
            if (References.Contains(word)
                || (j == first - 1 && Currencies.Contains(word)))
            {
                return true;
            }

            if (!Transparent.Contains(word) || ++transparent > 3)
            {
                return false;
            }
        }

        return false;
    }

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
    public static bool IsPostcodeList(IReadOnlyList<int> groups) => groups.Count >= 2 && groups.All(g => g == 5);

    private static bool HasInnocentShape(ReadOnlySpan<char> number) =>
        DateShape().IsMatch(number) || TimeRangeShape().IsMatch(number) || YearRangeShape().IsMatch(number) || ThousandsShape().IsMatch(number);

    [GeneratedRegex(@"^(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^\d{1,2}[.:]\d{2}\s*[-–—]+\s*\d{1,2}[.:]\d{2}$")]
    private static partial Regex TimeRangeShape();

    [GeneratedRegex(@"^(?:19|20)\d{2}\s*[-–—/]+\s*(?:19|20)?\d{2}$")]
    private static partial Regex YearRangeShape();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$|^\d{1,3}(?:\.\d{3})+,\d{1,2}$")]
    private static partial Regex ThousandsShape();
}
