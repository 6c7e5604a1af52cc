namespace BowInbox.Core.Csat;

public enum CsatStatus
{
    /// <summary>The rating question went to the customer; no answer yet.</summary>
    Sent = 0,

    /// <summary>The customer rated; the optional comment may still come.</summary>
    Rated = 1,

    /// <summary>The customer rated and added a comment: nothing more is asked.</summary>
    Commented = 2,

    /// <summary>Not asked: the customer's 24-hour window had closed (a rating is not worth a paid template), or there was no central number.</summary>
    Skipped = 3,
}

/// <summary>
/// The customer-satisfaction question for one resolved ticket: asked once (the ticket id is unique), a rating 1–5
/// and an optional comment. Kept with the provider and group that did the job, so results can be cut by them.
/// </summary>
public class CsatSurvey
{
    public const int MaxCommentLength = 1000;

    public int Id { get; set; }

    public int TicketId { get; set; }

    public int ContactId { get; set; }

    public int? ProviderId { get; set; }

    public int? GroupId { get; set; }

    public CsatStatus Status { get; set; }

    /// <summary>When it was sent, or found not sendable.</summary>
    public DateTime CreatedAt { get; set; }

    public string? SkipReason { get; set; }

    public int? Rating { get; set; }

    public DateTime? RatedAt { get; set; }

    public string? Comment { get; set; }

    public DateTime? CommentedAt { get; set; }
}
