namespace BowInbox.Core.Sms;

/// <summary>
/// A one-time code an SMS customer is sent in a <c>wa.me</c> link: when it arrives on the central WhatsApp number the
/// same ticket continues there. The code names no one; it only points at the ticket.
/// </summary>
public class WhatsAppContinuation
{
    public const int CodeLength = 8;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public long Id { get; set; }

    public string Code { get; set; } = "";

    public int TicketId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public bool IsUsable(DateTime now) => UsedAt is null && now < ExpiresAt;
}
