using System.ComponentModel;

namespace BowInbox.Web.Api;

/// <summary>An id the marketplace knows the ticket by.</summary>
/// <param name="Kind">What the id is: booking, order, policy, transaction, ... (lower-case letters, digits, dashes).</param>
/// <param name="Id">The marketplace's id; never a phone number or an email address.</param>
public sealed record ExternalReferenceBody([property: Description("booking, order, policy, transaction, ...")] string? Kind, [property: Description("The marketplace's own id")] string? Id);

/// <summary>A ticket as the API shows it: aliases and masked text, never a number, BSUID or email.</summary>
public sealed record TicketView(
    int Id,
    string Status,
    [property: Description("The customer's number-free alias, e.g. C-4F7K2")] string CustomerAlias,
    string CustomerFirstName,
    string? Service,
    string? Area,
    string Urgency,
    int? GroupId,
    string? Group,
    int? ProviderId,
    string? Provider,
    DateTime CreatedAt,
    [property: Description("The ticket's latest activity")] DateTime UpdatedAt,
    DateTime? ResolvedAt,
    DateTime? SlaDueAt,
    [property: Description("The latest message, masked")] string? LastMessagePreview,
    IReadOnlyList<ExternalReferenceBody> ExternalReferences);

/// <summary>One page of tickets, most recently active first.</summary>
public sealed record TicketPage(IReadOnlyList<TicketView> Items, int Page, int PageSize, int Total);

/// <param name="Status">New, Qualified, Requeued, Escalated, Resolved or Closed (Offered and Assigned follow from offering and assigning).</param>
public sealed record StatusChangeBody(string? Status);

/// <param name="ProviderId">The technician to assign; this opens the relay and briefs them.</param>
public sealed record AssignBody(int? ProviderId);

/// <param name="Text">A staff-only note in the thread, never sent to WhatsApp.</param>
public sealed record NoteBody(string? Text);

/// <summary>What an action did, and the ticket as it is now.</summary>
public sealed record TicketActionResult(string Result, TicketView Ticket);

/// <summary>A ticket's conversation as supervisors audit it, masked like the transcript export.</summary>
public sealed record TranscriptView(TicketView Ticket, IReadOnlyList<TranscriptMessageView> Messages, IReadOnlyList<TranscriptSessionView> RelaySessions, IReadOnlyList<TranscriptEventView> Timeline);

public sealed record TranscriptMessageView(long Id, DateTime At, string Direction, string Author, string Type, string? Text, string DeliveryStatus, int Violations);

public sealed record TranscriptSessionView(string Provider, DateTime OpenedAt, DateTime? ClosedAt, string? CloseReason);

public sealed record TranscriptEventView(DateTime At, string Kind, string Detail, string? Actor);
