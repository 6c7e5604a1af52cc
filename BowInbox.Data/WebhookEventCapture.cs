using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Routing;
using BowInbox.Core.Scanning;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BowInbox.Data;

/// <summary>
/// Writes an outgoing event for every change a subscriber may care about, in the SaveChanges (so the transaction) of
/// the change itself: nothing that commits goes unannounced, and nothing rolled back is announced. It reads what the
/// context is about to save (a ticket added or moved, an offer, a relay session, a message, a violation, a pause, an
/// SLA alert), plus the timeline entries written beside the two changes made by a conditional UPDATE (an accepted
/// offer, an idle relay closed), which the change tracker does not see.
/// </summary>
public sealed class WebhookEventCapture(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is not InboxDbContext db)
        {
            return;
        }

        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;

        // Entries() would scan every tracked entity first; SaveChanges does that right after this anyway.
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var found = new EventList(time.GetUtcNow().UtcDateTime);
            foreach (var entry in tracker.Entries())
            {
                Read(entry, found);
            }

            found.AddTo(db);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private static void Read(EntityEntry entry, EventList found)
    {
        var added = entry.State == EntityState.Added;
        switch (entry.Entity)
        {
            case Ticket ticket when added:
                found.Add(WebhookEventTypes.TicketCreated, ticket.Id, e => e.Ticket = ticket);
                break;
            case Ticket ticket when Changed(entry, nameof(Ticket.Status)) && StatusEvent(ticket.Status) is { } type:
                found.Add(type, ticket.Id, e => { e.Ticket = ticket; e.ProviderId = type == WebhookEventTypes.TicketAccepted ? ticket.ProviderId : null; });
                break;
            case TicketEvent timeline when added && timeline.Kind == "accepted":
                found.Add(WebhookEventTypes.TicketAccepted, timeline.TicketId, _ => { });
                break;
            case TicketEvent timeline when added && timeline.Kind == "relay-closed":
                found.AddClosedByTimeline(timeline.TicketId);
                break;
            case Offer offer when added:
                found.Add(WebhookEventTypes.TicketOffered, offer.TicketId, e => { e.Offer = offer; e.ProviderId = offer.ProviderId; });
                break;
            case RelaySession session when added:
                found.Add(WebhookEventTypes.SessionOpened, session.TicketId, e => { e.Session = session; e.ProviderId = session.ProviderId; });
                break;
            case RelaySession session when session.ClosedAt is not null && Changed(entry, nameof(RelaySession.ClosedAt)):
                found.Add(WebhookEventTypes.SessionClosed, session.TicketId, e => { e.Session = session; e.ProviderId = session.ProviderId; });
                break;
            case Message message when added:
                found.Add(WebhookEventTypes.MessageCreated, message.TicketId, e => e.Message = message);
                break;
            case PolicyViolation violation when added:
                found.Add(WebhookEventTypes.ViolationRecorded, violation.TicketId, e => { e.Violation = violation; e.ProviderId = violation.ProviderId; });
                break;
            case Provider provider when provider.Availability == ProviderAvailability.Paused && Changed(entry, nameof(Provider.Availability)):
                found.AddPause(provider.Id);
                break;
            case SlaAlertRecord alert when added:
                found.Add(alert.Level == SlaAlertLevel.Breach ? WebhookEventTypes.SlaBreached : WebhookEventTypes.SlaWarning, alert.TicketId, e => e.SlaAlert = alert);
                break;
        }
    }

    private static string? StatusEvent(TicketStatus status) => status switch
    {
        TicketStatus.Qualified => WebhookEventTypes.TicketQualified,
        TicketStatus.Assigned => WebhookEventTypes.TicketAccepted,
        TicketStatus.Escalated => WebhookEventTypes.TicketEscalated,
        TicketStatus.Resolved => WebhookEventTypes.TicketResolved,
        _ => null,
    };

    private static bool Changed(EntityEntry entry, string property)
    {
        if (entry.State is not (EntityState.Modified or EntityState.Unchanged))
        {
            return false;
        }

        var value = entry.Property(property);
        return !Equals(value.OriginalValue, value.CurrentValue);
    }

    /// <summary>The events of one save, each once, in the order a subscriber expects them (a ticket's creation first).</summary>
    private sealed class EventList(DateTime now)
    {
        private static readonly List<string> Order = WebhookEventTypes.All.Select(e => e.Type).ToList();

        private readonly List<(WebhookEvent Event, int TicketId)> events = [];
        private readonly List<int> closedByTimeline = [];
        private readonly List<int> paused = [];

        public void Add(string type, int ticketId, Action<WebhookEvent> fill)
        {
            // A ticket moved to Assigned by a conditional UPDATE also writes the "accepted" entry: one event.
            if (type == WebhookEventTypes.TicketAccepted && events.Any(e => e.Event.Type == type && e.TicketId == ticketId))
            {
                return;
            }

            var created = new WebhookEvent { EventId = WebhookEvent.NewEventId(), Type = type, CreatedAt = now };
            if (ticketId > 0)
            {
                created.TicketId = ticketId;
            }

            fill(created);
            events.Add((created, ticketId));
        }

        public void AddClosedByTimeline(int ticketId) => closedByTimeline.Add(ticketId);

        public void AddPause(int providerId) => paused.Add(providerId);

        public void AddTo(InboxDbContext db)
        {
            foreach (var ticketId in closedByTimeline.Distinct())
            {
                // Closed with the tracked session (which names it), or by the idle job's UPDATE (found at fan-out).
                if (!events.Any(e => e.Event.Type == WebhookEventTypes.SessionClosed && e.TicketId == ticketId))
                {
                    Add(WebhookEventTypes.SessionClosed, ticketId, _ => { });
                }
            }

            foreach (var providerId in paused.Distinct())
            {
                // Paused for the violation saved with it: the event names that violation's ticket.
                var cause = events.FirstOrDefault(e => e.Event.Type == WebhookEventTypes.ViolationRecorded && e.Event.ProviderId == providerId);
                Add(WebhookEventTypes.ProviderPaused, cause.TicketId, e => e.ProviderId = providerId);
            }

            foreach (var (created, _) in events.OrderBy(e => Order.IndexOf(e.Event.Type) is var i && i >= 0 ? i : int.MaxValue))
            {
                db.WebhookEvents.Add(created);
            }
        }
    }
}
