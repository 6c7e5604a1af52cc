using System.Globalization;

namespace BowInbox.Core.Csat;

/// <summary>The rating question's words and answer ids, and when a rating needs a supervisor.</summary>
public static class CsatRules
{
    public const string ReplyPrefix = "csat:";

    /// <summary>How long after the rating a text from the customer (with no open request) is read as the comment.</summary>
    public static readonly TimeSpan CommentWindow = TimeSpan.FromHours(1);

    public static readonly IReadOnlyList<(int Rating, string Title)> Choices =
    [
        (5, "5 – Excellent"), (4, "4 – Good"), (3, "3 – Okay"), (2, "2 – Poor"), (1, "1 – Very poor"),
    ];

    public static string ReplyId(int ticketId, int rating)
        => string.Create(CultureInfo.InvariantCulture, $"{ReplyPrefix}{ticketId}:{rating}");

    /// <summary>The ticket and rating of a tapped answer; null for any other reply id (or a forged one out of range).</summary>
    public static (int TicketId, int Rating)? ParseReply(string? replyId)
    {
        if (replyId is null || !replyId.StartsWith(ReplyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = replyId[ReplyPrefix.Length..].Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
            && rating is >= 1 and <= 5
            ? (ticketId, rating)
            : null;
    }

    /// <summary>A rating of 1 or 2 raises a supervisor alert.</summary>
    public static bool NeedsSupervisor(int rating) => rating <= 2;

    public static string Question(string customerFirstName, string providerFirstName, int ticketId)
        => $"Hi {customerFirstName}, how did {providerFirstName} do on request #{ticketId}? Please rate from 1 (very poor) to 5 (excellent).";

    public static string AskComment(int rating)
        => rating <= 3
            ? $"Thank you for rating us {rating}/5. We are sorry it was not better: what went wrong? Reply here in a few words (optional)."
            : $"Thank you for rating us {rating}/5! Anything you would like to add? Reply here in a few words (optional).";

    public const string ThanksForComment = "Thank you, your comment has been passed to our team.";
}

/// <summary>The ratings of a period: how many, the mean, and CSAT = share of 4s and 5s.</summary>
public sealed record CsatScore(int Ratings, double? Average, double? Satisfied)
{
    public static CsatScore Of(IReadOnlyCollection<int> ratings)
        => new(
            ratings.Count,
            ratings.Count == 0 ? null : Math.Round(ratings.Average(), 2),
            ratings.Count == 0 ? null : (double)ratings.Count(r => r >= 4) / ratings.Count);

    /// <summary>The goal: CSAT 10 % above the previous period's (relative); null without a previous score.</summary>
    public static double? Goal(CsatScore previous) => previous.Satisfied is { } before ? Math.Min(1, before * 1.10) : null;
}
