using System.Globalization;
using BowInbox.Core.Intake;

namespace BowInbox.Core.Csat;

/// <summary>
/// Reads a customer's answer to the rating question: the tapped list row (its id <c>csat:{ticket}:{n}</c>), the row's
/// title in any language as typed back, or a bare digit 1–5.
/// </summary>
public static class CsatRating
{
    public const int Lowest = 1;

    public const int Highest = 5;

    /// <summary>Ratings at or below this raise a supervisor alert.</summary>
    public const int AlertAtOrBelow = 2;

    public const string RowIdPrefix = "csat:";

    /// <summary>The text key of rating <paramref name="n"/>'s row title.</summary>
    public static string TitleKey(int n) => "csat.rating." + n.ToString(CultureInfo.InvariantCulture);

    public static string RowId(int ticketId, int n) => string.Create(CultureInfo.InvariantCulture, $"{RowIdPrefix}{ticketId}:{n}");

    /// <summary>Whether <paramref name="replyId"/> is a rating row's id at all (whatever its ticket).</summary>
    public static bool IsRowId(string? replyId) => replyId?.StartsWith(RowIdPrefix, StringComparison.Ordinal) == true;

    /// <summary>The ticket and rating of a row id, or null when it is not a well-formed one.</summary>
    public static (int TicketId, int Rating)? ReadRowId(string? replyId)
    {
        if (!IsRowId(replyId))
        {
            return null;
        }

        var parts = replyId![RowIdPrefix.Length..].Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticket)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
            && rating is >= Lowest and <= Highest
            ? (ticket, rating)
            : null;
    }

    /// <summary>The rating a typed answer gives: a bare digit 1–5 or a row title in any language; null otherwise.</summary>
    public static int? ReadText(string? text, CustomerTexts texts)
    {
        var answer = text?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return null;
        }

        if (answer.Length == 1 && answer[0] is >= '1' and <= '5')
        {
            return answer[0] - '0';
        }

        for (var n = Lowest; n <= Highest; n++)
        {
            if (texts.InEveryLanguage(TitleKey(n)).Any(t => string.Equals(t.Trim(), answer, StringComparison.OrdinalIgnoreCase)))
            {
                return n;
            }
        }

        return null;
    }
}
