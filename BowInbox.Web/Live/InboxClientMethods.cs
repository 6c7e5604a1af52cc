using BowInbox.Core.Messaging;

namespace BowInbox.Web.Live;

/// <summary>The client methods the inbox hub calls, and what it sends with them.</summary>
public static class InboxClientMethods
{
    /// <summary>The ticket as the list shows it, an <see cref="Inbox.TicketRow"/>.</summary>
    public const string TicketUpdated = "TicketUpdated";

    /// <summary>A message added or its delivery status changed, a <see cref="LiveMessage"/>.</summary>
    public const string MessageChanged = "MessageChanged";
}

/// <summary>A message as live updates carry it: the delivered text and who wrote it, never a number or the original text.</summary>
public sealed record LiveMessage(
    int TicketId,
    long MessageId,
    MessageDirection Direction,
    string AuthorName,
    string? Text,
    DeliveryStatus Status,
    DateTime CreatedAt);
