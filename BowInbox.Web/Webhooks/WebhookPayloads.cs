using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using BowInbox.Core.Audit;
using BowInbox.Core.Relay;
using BowInbox.Core.Webhooks;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Webhooks;

/// <summary>
/// The one place an event's JSON body is made. It names people by alias only (the customer's <c>C-…</c> alias, the
/// technician's first name) and ids; every free text passes through <see cref="NumberMask"/>. Never a phone number,
/// BSUID or email: a field added here is added for every event and every subscriber, so add it with that in mind.
/// </summary>
public static class WebhookPayloads
{
    /// <summary>Sets <see cref="WebhookEvent.PayloadJson"/> on each event that has none, with a few reads for the whole batch.</summary>
    public static async Task BuildAsync(InboxDbContext db, IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        var pending = events.Where(e => e.PayloadJson is null).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var facts = await EventFacts.LoadAsync(db, pending, cancellationToken);
        foreach (var e in pending)
        {
            e.PayloadJson = Build(e, facts).ToJsonString(JsonOptions);
        }
    }

    /// <summary>The body of a test ping: nothing about any ticket.</summary>
    public static string Ping(WebhookEvent ping)
        => Envelope(ping, new JsonObject { ["message"] = "A test event from BowInbox: the signature verifies with this subscription's secret." }).ToJsonString(JsonOptions);

    // Letters of every language as they are ("José", not "Jos\u00E9"); characters that matter in HTML stay escaped.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static JsonObject Build(WebhookEvent e, EventFacts facts)
    {
        var data = new JsonObject();
        var ticket = e.TicketId is { } ticketId ? facts.Tickets.GetValueOrDefault(ticketId) : null;
        if (ticket is not null)
        {
            data["ticket"] = new JsonObject
            {
                ["id"] = ticket.Id,
                ["service"] = Masked(ticket.ServiceType),
                ["area"] = Masked(ticket.Area),
                ["urgency"] = ticket.Urgency.ToString(),
                ["externalReferences"] = new JsonArray(facts.References.GetValueOrDefault(ticket.Id, [])
                    .Select(r => (JsonNode)new JsonObject { ["kind"] = r.Kind, ["id"] = r.Value }).ToArray()),
            };
            data["customer"] = new JsonObject { ["alias"] = ticket.CustomerAlias };
        }

        var providerId = e.ProviderId ?? (e.Type is WebhookEventTypes.TicketAccepted or WebhookEventTypes.TicketResolved ? ticket?.ProviderId : null);
        if (providerId is { } p && facts.Providers.TryGetValue(p, out var alias))
        {
            data["technician"] = new JsonObject { ["id"] = p, ["alias"] = alias };
        }

        if (e.OfferId is { } offerId && facts.Offers.TryGetValue(offerId, out var offer))
        {
            data["offer"] = new JsonObject { ["id"] = offer.Id, ["attempt"] = offer.Attempt, ["offeredAt"] = offer.OfferedAt, ["expiresAt"] = offer.ExpiresAt };
        }

        if (facts.SessionFor(e) is { } session)
        {
            data["session"] = new JsonObject
            {
                ["id"] = session.Id,
                ["openedAt"] = session.OpenedAt,
                ["closedAt"] = session.ClosedAt,
                ["closeReason"] = e.Type == WebhookEventTypes.SessionClosed ? Masked(session.CloseReason) : null,
            };
        }

        if (e.MessageId is { } messageId && facts.Messages.TryGetValue(messageId, out var message))
        {
            data["message"] = new JsonObject
            {
                ["id"] = message.Id,
                ["direction"] = message.Direction.ToString(),
                ["type"] = message.Type,
                ["text"] = Masked(message.Text ?? message.Caption),
                ["createdAt"] = message.CreatedAt,
            };
        }

        if (e.ViolationId is { } violationId && facts.Violations.TryGetValue(violationId, out var violation))
        {
            // Never what was found: that is the number or address the policy kept from the other side.
            data["violation"] = new JsonObject
            {
                ["id"] = violation.Id,
                ["kind"] = violation.Kind.ToString(),
                ["action"] = violation.Action.ToString(),
                ["sender"] = violation.Sender.ToString(),
                ["messageId"] = violation.MessageId,
            };
        }

        if (e.SlaAlertId is { } alertId && facts.SlaAlerts.TryGetValue(alertId, out var sla))
        {
            data["sla"] = new JsonObject { ["alertId"] = sla.Id, ["target"] = sla.Kind.ToString(), ["level"] = sla.Level.ToString(), ["dueAt"] = sla.DueAt };
        }

        return Envelope(e, data);
    }

    private static JsonObject Envelope(WebhookEvent e, JsonObject data) => new()
    {
        ["id"] = e.EventId,
        ["type"] = e.Type,
        ["created"] = e.CreatedAt,
        ["ticketId"] = e.TicketId,
        ["data"] = data,
    };

    private static string? Masked(string? text) => NumberMask.Mask(text);

    internal sealed record TicketFacts(int Id, string? ServiceType, string? Area, Core.Tickets.Urgency Urgency, int? ProviderId, string CustomerAlias);

    /// <summary>What the events of one batch refer to, read once for the batch.</summary>
    private sealed class EventFacts
    {
        public Dictionary<int, TicketFacts> Tickets { get; private init; } = [];

        public Dictionary<int, string> Providers { get; private init; } = [];

        /// <summary>The ids the marketplace knows each ticket by (checked at creation to hold no number or email).</summary>
        public Dictionary<int, List<Core.Tickets.ExternalReference>> References { get; private init; } = [];

        public Dictionary<long, Core.Routing.Offer> Offers { get; private init; } = [];

        public Dictionary<long, RelaySession> Sessions { get; private init; } = [];

        public Dictionary<long, Core.Messaging.Message> Messages { get; private init; } = [];

        public Dictionary<long, Core.Scanning.PolicyViolation> Violations { get; private init; } = [];

        public Dictionary<long, Core.Sla.SlaAlertRecord> SlaAlerts { get; private init; } = [];

        /// <summary>Sessions closed by the idle job's UPDATE are not named by their event: the ticket's latest closed one then.</summary>
        private List<RelaySession> ClosedByTicket { get; init; } = [];

        public RelaySession? SessionFor(WebhookEvent e)
            => e.SessionId is { } id ? Sessions.GetValueOrDefault(id)
                : e.Type == WebhookEventTypes.SessionClosed && e.TicketId is { } ticketId
                    ? ClosedByTicket.Where(s => s.TicketId == ticketId && s.ClosedAt <= e.CreatedAt).MaxBy(s => s.ClosedAt)
                    : null;

        public static async Task<EventFacts> LoadAsync(InboxDbContext db, List<WebhookEvent> events, CancellationToken cancellationToken)
        {
            var ticketIds = events.Where(e => e.TicketId is not null).Select(e => e.TicketId!.Value).Distinct().ToList();
            var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
                .Select(t => new TicketFacts(t.Id, t.ServiceType, t.Area, t.Urgency, t.ProviderId, t.Contact!.Alias)).ToDictionaryAsync(t => t.Id, cancellationToken);
            var offerIds = Ids(events, e => e.OfferId);
            var sessionIds = Ids(events, e => e.SessionId);
            var messageIds = Ids(events, e => e.MessageId);
            var violationIds = Ids(events, e => e.ViolationId);
            var alertIds = Ids(events, e => e.SlaAlertId);
            var unnamedClosed = events.Where(e => e.Type == WebhookEventTypes.SessionClosed && e.SessionId is null && e.TicketId is not null).Select(e => e.TicketId!.Value).Distinct().ToList();
            var providerIds = events.Select(e => e.ProviderId).Concat(tickets.Values.Select(t => t.ProviderId)).Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();
            var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
            return new EventFacts
            {
                Tickets = tickets,
                References = ticketIds.Count == 0 ? [] : (await db.ExternalReferences.AsNoTracking().Where(r => ticketIds.Contains(r.TicketId)).OrderBy(r => r.Id)
                    .ToListAsync(cancellationToken)).GroupBy(r => r.TicketId).ToDictionary(g => g.Key, g => g.ToList()),
                Providers = providers.ToDictionary(p => p.Id, p => Core.Contacts.PersonName.FirstName(p.DisplayName) ?? p.DisplayName),
                Offers = offerIds.Count == 0 ? [] : await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken),
                Sessions = sessionIds.Count == 0 ? [] : await db.RelaySessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken),
                Messages = messageIds.Count == 0 ? [] : await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken),
                Violations = violationIds.Count == 0 ? [] : await db.PolicyViolations.AsNoTracking().Where(v => violationIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken),
                SlaAlerts = alertIds.Count == 0 ? [] : await db.SlaAlerts.AsNoTracking().Where(a => alertIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken),
                ClosedByTicket = unnamedClosed.Count == 0 ? [] : await db.RelaySessions.AsNoTracking().Where(s => unnamedClosed.Contains(s.TicketId) && s.ClosedAt != null).ToListAsync(cancellationToken),
            };
        }

        private static List<long> Ids(List<WebhookEvent> events, Func<WebhookEvent, long?> id)
            => events.Select(id).Where(v => v is not null).Select(v => v!.Value).Distinct().ToList();
    }
}
