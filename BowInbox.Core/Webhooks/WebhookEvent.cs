using BowInbox.Core.Messaging;
using BowInbox.Core.Relay;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Core.Webhooks;

/// <summary>
/// Something that happened, written in the same transaction as the change itself (a transactional outbox). Its payload
/// is built once, when it is fanned out to the subscriptions that want it, so every delivery of it sends the same body.
/// The navigations let the change that caused it be saved with it before its own key is known.
/// </summary>
public class WebhookEvent
{
    public long Id { get; set; }

    /// <summary>The id receivers see and de-duplicate on (<c>evt_…</c>).</summary>
    public string EventId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public int? TicketId { get; set; }

    public Ticket? Ticket { get; set; }

    public int? ProviderId { get; set; }

    public long? MessageId { get; set; }

    public Message? Message { get; set; }

    public long? OfferId { get; set; }

    public Offer? Offer { get; set; }

    public long? SessionId { get; set; }

    public RelaySession? Session { get; set; }

    public long? ViolationId { get; set; }

    public PolicyViolation? Violation { get; set; }

    public long? SlaAlertId { get; set; }

    public SlaAlertRecord? SlaAlert { get; set; }

    /// <summary>The JSON body, set when the event is fanned out; null until then.</summary>
    public string? PayloadJson { get; set; }

    public DateTime? FannedOutAt { get; set; }

    public static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N");
}
