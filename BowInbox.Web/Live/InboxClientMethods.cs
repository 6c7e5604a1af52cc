using BowInbox.Core.Messaging;

namespace BowInbox.Web.Live;

/// <summary>The client methods the inbox hub calls, and what it sends with them.</summary>
public static class InboxClientMethods
{
    /// <summary>
    /// The ticket as the list shows it: an <see cref="Inbox.TicketRow"/> to staff, a <see cref="Relay.QueueJob"/> to
    /// the technician it is offered or assigned to.
    /// </summary>
    public const string TicketUpdated = "TicketUpdated";

    /// <summary>
    /// A message added or its delivery status changed: a <see cref="LiveMessage"/> to staff, a
    /// <see cref="TechnicianMessage"/> to a technician, only for messages of his own thread.
    /// </summary>
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

/// <summary>A message of a technician's own thread as his hub connection receives it: what <c>/queue/{id}</c> shows, nothing more.</summary>
public sealed record TechnicianMessage(
    int TicketId,
    long MessageId,
    bool FromCustomer,
    bool Mine,
    string AuthorName,
    string Type,
    string? Text,
    DeliveryStatus Status,
    DateTime CreatedAt)
{
    public static TechnicianMessage From(int ticketId, Relay.QueueMessage message)
        => new(ticketId, message.Id, message.FromCustomer, message.Mine, message.AuthorName, message.Type, message.Text, message.Status, message.CreatedAt);
}
