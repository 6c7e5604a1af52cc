using BowInbox.Core.Contacts;
using BowInbox.Core.Providers;

namespace BowInbox.Core.Tickets;

/// <summary>One lead or request from a customer.</summary>
public class Ticket
{
    public int Id { get; set; }

    public int ContactId { get; set; }

    public Contact? Contact { get; set; }

    public string Channel { get; set; } = "WhatsApp";

    public TicketStatus Status { get; set; } = TicketStatus.New;

    public string? ServiceType { get; set; }

    public string? Area { get; set; }

    public Urgency Urgency { get; set; }

    public int? GroupId { get; set; }

    public ProviderGroup? Group { get; set; }

    /// <summary>The insurer the customer's policy is with (insurance marketplaces); its desk group answers the ticket.</summary>
    public int? InsurerId { get; set; }

    /// <summary>The provider the ticket is offered or assigned to.</summary>
    public int? ProviderId { get; set; }

    public Provider? Provider { get; set; }

    /// <summary>The staff member (intake agent or supervisor) working the conversation.</summary>
    public string? AssigneeUserId { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public DateTime? LastCustomerMessageAt { get; set; }

    /// <summary>When the customer started waiting for a reply; null once someone answered.</summary>
    public DateTime? WaitingSince { get; set; }

    public string? LastMessagePreview { get; set; }

    public int UnreadCount { get; set; }

    /// <summary>The first reply by a person (not an automatic message) to the customer.</summary>
    public DateTime? FirstHumanReplyAt { get; set; }

    public DateTime? OfferedAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    /// <summary>The assigned provider's first message to the customer.</summary>
    public DateTime? ProviderFirstMessageAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>The arrival window the provider last confirmed (UTC); null until one is given for the current acceptance.</summary>
    public DateTime? ArrivalWindowStart { get; set; }

    public DateTime? ArrivalWindowEnd { get; set; }

    /// <summary>The IANA time zone the window was given in, to say it back in the same local hours.</summary>
    public string? ArrivalWindowZone { get; set; }

    /// <summary>When the current provider first confirmed an arrival window: the job is scheduled (time to dispatch ends here).</summary>
    public DateTime? ArrivalConfirmedAt { get; set; }

    /// <summary>The nearest running SLA target and its warning and due times, recomputed on every event.</summary>
    public BowInbox.Core.Sla.SlaTargetKind? SlaKind { get; set; }

    public DateTime? SlaWarnAt { get; set; }

    public DateTime? SlaDueAt { get; set; }

    /// <summary>Why the ticket went where it went ("plumbing from 'leak'; offered to Tom by round robin").</summary>
    public string? RoutingExplanation { get; set; }

    public bool IsOpen => TicketTransitions.IsOpen(Status);

    /// <summary>A new acceptance starts a new job: the previous provider's arrival window no longer holds.</summary>
    public void ForgetArrivalWindow()
    {
        ArrivalWindowStart = null;
        ArrivalWindowEnd = null;
        ArrivalWindowZone = null;
        ArrivalConfirmedAt = null;
    }

    /// <summary>Moves the ticket along its lifecycle; returns false (and changes nothing) for a move the lifecycle does not allow.</summary>
    public bool TryMoveTo(TicketStatus next)
    {
        if (next == Status || !TicketTransitions.CanMove(Status, next))
        {
            return false;
        }

        Status = next;
        return true;
    }

    /// <summary>Characters of the latest message the conversation list shows at most.</summary>
    public const int PreviewLength = 200;

    /// <summary>The text as the conversation list shows it: shortened to <see cref="PreviewLength"/> with an ellipsis.</summary>
    public static string PreviewOf(string text) => text.Length <= PreviewLength ? text : text[..(PreviewLength - 1)] + "…";

    /// <summary>Shows this text as the ticket's latest message in the conversation list.</summary>
    public void ShowLatest(string text) => LastMessagePreview = PreviewOf(text);

    /// <summary>
    /// The customer wrote: a message sent at <paramref name="sentAt"/> (messages arrive out of order; the latest counts)
    /// arrived <paramref name="now"/>. The ticket is active and waiting for us, one more unread, with this text shown.
    /// </summary>
    public void CustomerWrote(DateTime sentAt, DateTime now, string text)
    {
        LastActivityAt = now;
        LastCustomerMessageAt = sentAt > (LastCustomerMessageAt ?? DateTime.MinValue) ? sentAt : LastCustomerMessageAt;
        WaitingSince ??= now;
        UnreadCount++;
        ShowLatest(text);
    }
}
