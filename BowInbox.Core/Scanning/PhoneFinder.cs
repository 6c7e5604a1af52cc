namespace BowInbox.Core.Scanning;

/// <summary>
/// Finds phone numbers, including ones split up or disguised: "555 010 0199", "five five five...",
/// "555-O1OO", "５５５", keycap digits, "555 then 0100 then 99". Digits written plainly must make a
/// number libphonenumber accepts and must not read as a price, date, measurement or reference;
/// disguised digits only need to be long enough, since nobody spells out a price digit by digit.
/// </summary>
internal static class PhoneFinder
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15; // E.164
    private const int MaxGap = 4;

    // "and the second part", "y luego la": the words between two groups of a number split up on purpose.
    private const int MaxConnectorWords = 4;

    public static void Find(NormalizedText input, ContentPolicy policy, List<Finding> findings)
    {
        var text = input.Text;
        var pieces = PhoneTokenizer.Tokenize(text);
        var fragments = new List<NumberFragment>();
        var i = 0;
        while (i < pieces.Count)
        {
            if (!pieces[i].IsStrong)
            {
                i++;
                continue;
            }

            var members = Chain(text, pieces, i, out var joinedByConnector);
            i = members[^1] + 1;
            TrimLookAlikes(pieces, members);
            DropLeadingDate(text, pieces, members);
            if (members.Count == 0)
            {
                continue;
            }

            // A run longer than any phone after a reference word ("pedido 873-3040124-4455413") is that reference.
            if (members.Sum(m => pieces[m].Digits.Length) > MaxDigits && PhoneContext.IsReferenceOrPrice(text, pieces, members[0]))
            {
                continue;
            }

            foreach (var segment in Segments(pieces, members))
            {
                var kind = Classify(input, pieces, segment, joinedByConnector, policy, out var start, out var digits);
                if (kind == ChainKind.Phone)
                {
                    var (s, length) = input.ToOriginal(start, pieces[segment[^1]].End);
                    findings.Add(new Finding(ViolationKind.Phone, input.Original.Substring(s, length), s, length, policy.Phone));
                }
                else if (kind == ChainKind.Fragment)
                {
                    fragments.Add(new NumberFragment(start, pieces[segment[^1]].End, digits));
                }
            }
        }

        ScatteredNumber.Find(input, fragments, policy, findings);
    }

    /// <summary>Indices of the digit-carrying pieces that follow on from <paramref name="start"/> as one number.</summary>
    private static List<int> Chain(string text, List<PhonePiece> pieces, int start, out bool joinedByConnector)
    {
        var members = new List<int> { start };
        joinedByConnector = false;
        var last = start;
        while (true)
        {
            var k = last + 1;
            var connectors = 0;
            var strongConnector = false;
            while (k < pieces.Count && pieces[k].Kind is PhonePieceKind.Connector or PhonePieceKind.Filler && connectors < MaxConnectorWords
                   && IsSeparatorGap(text, pieces[k - 1].End, pieces[k].Start))
            {
                strongConnector |= pieces[k].Kind == PhonePieceKind.Connector;
                connectors++;
                k++;
            }

            if (k >= pieces.Count || !pieces[k].CarriesDigits
                || (!IsSeparatorGap(text, pieces[k - 1].End, pieces[k].Start) && !(connectors == 0 && IsColonBetweenGroups(text, pieces[last], pieces[k]))))
            {
                break;
            }

            var previous = pieces[last];
            var next = pieces[k];
            var bothSpelled = previous.Kind == PhonePieceKind.Spelled && next.Kind == PhonePieceKind.Spelled;
            // "and" alone joins spelled digits, or the last group of a number already split up by connectors
            // ("first part 819 second part 397 and 7126").
            if (connectors > 0 && !strongConnector && !bothSpelled && !joinedByConnector)
            {
                break;
            }

            // "15, 28013 Madrid" is a house number and a postcode; commas join digits spelled out or spaced
            // out one by one ("6 1 2, 3 4 5").
            if (connectors == 0 && previous.Kind == PhonePieceKind.Digits && next.Kind == PhonePieceKind.Digits
                && (previous.Digits.Length > 1 || next.Digits.Length > 1)
                && text.AsSpan(previous.End, next.Start - previous.End).Contains(','))
            {
                break;
            }

            joinedByConnector |= strongConnector;
            members.Add(k);
            last = k;
        }

        return members;
    }

    /// <summary>"0152:2938:4471": a colon between groups of three or more digits; times ("14:30") have two.</summary>
    private static bool IsColonBetweenGroups(string text, PhonePiece previous, PhonePiece next) =>
        previous.Kind == PhonePieceKind.Digits && next.Kind == PhonePieceKind.Digits && previous.Digits.Length >= 3 && next.Digits.Length >= 3
        && text.AsSpan(previous.End, next.Start - previous.End).Trim(' ') is ":";

    private static bool IsSeparatorGap(string text, int from, int to)
    {
        if (to - from > MaxGap)
        {
            return false;
        }

        foreach (var c in text.AsSpan(from, to - from))
        {
            if (c is not (' ' or '\t' or '.' or '-' or '–' or '—' or '(' or ')' or '[' or ']' or '_' or '*' or '/' or '\\' or '|' or '~' or ',' or '·' or '•' or '\u00A0'))
            {
                return false;
            }
        }

        return true;
    }

    // An "O" or "I" counts as a digit only between digits: "I" and "o" are words too.
    private static void TrimLookAlikes(List<PhonePiece> pieces, List<int> members)
    {
        while (members.Count > 0 && pieces[members[^1]].Kind == PhonePieceKind.LookAlike)
        {
            members.RemoveAt(members.Count - 1);
        }
    }

    /// <summary>
    /// A date opens the run ("der 16.11.2026 um neun", "le 03/12/2026 à dix heures"): it is never part of a phone, so the
    /// number, if any, is what follows it.
    /// </summary>
    private static void DropLeadingDate(string text, List<PhonePiece> pieces, List<int> members)
    {
        if (members.Count < 3 || members.Take(3).Any(m => pieces[m].Kind != PhonePieceKind.Digits))
        {
            return;
        }

        var (a, b, c) = (pieces[members[0]], pieces[members[1]], pieces[members[2]]);
        var separator = text.AsSpan(a.End, b.Start - a.End);
        if (separator is not ("." or "/" or "-") || !text.AsSpan(b.End, c.Start - b.End).SequenceEqual(separator))
        {
            return;
        }

        var dayFirst = a.Digits.Length <= 2 && b.Digits.Length <= 2 && IsYear(c.Digits) && IsDayAndMonth(a.Digits, b.Digits);
        var yearFirst = IsYear(a.Digits) && b.Digits.Length <= 2 && c.Digits.Length <= 2 && IsDayAndMonth(c.Digits, b.Digits);
        if (dayFirst || yearFirst)
        {
            members.RemoveRange(0, 3);
        }
    }

    private static bool IsYear(string digits) => digits.Length == 4 && digits[0..2] is "19" or "20";

    // Day and month in either order (12/31 and 31.12 are both dates).
    private static bool IsDayAndMonth(string first, string second)
    {
        var x = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var y = int.Parse(second, System.Globalization.CultureInfo.InvariantCulture);
        return x is >= 1 and <= 31 && y is >= 1 and <= 31 && (x <= 12 || y <= 12);
    }

    /// <summary>Splits a run longer than any phone number ("5550100199 5550100200") into number-sized parts.</summary>
    private static IEnumerable<List<int>> Segments(List<PhonePiece> pieces, List<int> members)
    {
        var total = members.Sum(m => pieces[m].Digits.Length);
        if (total <= MaxDigits)
        {
            yield return members;
            yield break;
        }

        var segment = new List<int>();
        var digits = 0;
        foreach (var m in members)
        {
            if (segment.Count > 0 && digits + pieces[m].Digits.Length > MaxDigits)
            {
                yield return segment;
                segment = [];
                digits = 0;
            }

            segment.Add(m);
            digits += pieces[m].Digits.Length;
        }

        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    private static ChainKind Classify(NormalizedText input, List<PhonePiece> pieces, List<int> segment, bool joinedByConnector, ContentPolicy policy, out int start, out string digits)
    {
        var text = input.Text;
        var first = segment[0];
        var last = segment[^1];
        start = pieces[first].Start;
        digits = string.Concat(segment.Select(m => pieces[m].Digits));
        if (policy.AllowsPhone(digits))
        {
            return ChainKind.None;
        }

        var hasPlus = first > 0 && pieces[first - 1].Kind == PhonePieceKind.Plus && pieces[first].Start - pieces[first - 1].End <= 1;
        if (hasPlus)
        {
            start = pieces[first - 1].Start;
        }
        else if (start > 0 && text[start - 1] == '(')
        {
            start--;
        }

        // One spelled word next to plain digits ("dos 150000") is ordinary; several are someone hiding a number.
        // Letters among digits alone may be a code ("tracking 1Z999AA1"), so what stands before still counts.
        var spelledDigits = segment.Sum(m => pieces[m].Kind == PhonePieceKind.Digits ? 0 : pieces[m].Digits.Length);
        // Letters glued before the digits make a code of it ("VH5797S"): its trailing S is a letter, not a disguised 5.
        var lookAlikes = pieces[first].GluedWordBefore == 0 && segment.Any(m => pieces[m].HasLookAlikes || pieces[m].Kind == PhonePieceKind.LookAlike);
        // Plain digits first and a reference before them ("Aktenzeichen 3 O 482/26, das…", where "das" is also Hindi ten) is
        // a reference, when no more than a word or two read as digits.
        var spelledAfterDigits = spelledDigits is >= 2 and <= 3 && pieces[first].Kind == PhonePieceKind.Digits && PhoneContext.IsReferenceOrPrice(text, pieces, first);
        if ((spelledDigits >= 2 && !spelledAfterDigits) || input.WasDisguised(pieces[first].Start, pieces[last].End)
            || (lookAlikes && !PhoneContext.IsReferenceOrPrice(text, pieces, first)))
        {
            return digits.Length is >= MinDigits and <= MaxDigits ? ChainKind.Phone : ChainKind.None;
        }

        // "5 5 5 0 1 0 0" and "555 then 0100 then 99" are someone spacing a number out on purpose.
        var groups = segment.Select(m => pieces[m].Digits.Length).ToList();
        var spacedOut = (groups.Count >= 5 && groups.All(g => g == 1)) || (joinedByConnector && groups.Count(g => g >= 3) >= 2);
        if (!(joinedByConnector && spacedOut) && PhoneContext.IsInnocent(text, pieces, first, last))
        {
            return ChainKind.None;
        }

        if (digits.Length is >= MinDigits and <= MaxDigits
            && (spacedOut || ((!PhoneContext.IsPostcodeList(groups) || PhoneNumberRules.IsIndianMobile(digits, groups)) && (PhoneNumberRules.IsDialable(digits, groups, hasPlus, policy) || PhoneNumberRules.IsPhoneShaped(digits, groups)
                || PhoneNumberRules.IsLocalNumberGiven(text, start, digits, groups)))))
        {
            return ChainKind.Phone;
        }

        // Left over, it may still be one piece of a number given around words ("starts 555 010, ends 0199").
        var plain = segment.All(m => pieces[m].Kind == PhonePieceKind.Digits);
        return plain && digits.Length >= 3 && !groups.Contains(5) ? ChainKind.Fragment : ChainKind.None;
    }

    private enum ChainKind
    {
        None,
        Phone,
        Fragment,
    }
}
