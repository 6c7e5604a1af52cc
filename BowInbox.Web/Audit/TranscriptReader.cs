using BowInbox.Core.Audit;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using BowInbox.Web.Labels;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Audit;

/// <summary>Reads a ticket's whole session for audit. Callers authorise first; this only reads.</summary>
public static class TranscriptReader
{
    /// <param name="messageLimit">The page shows the first messages and loads more on demand; exports and print take all (null).</param>
    public static async Task<Transcript?> LoadAsync(InboxDbContext db, Privacy.OriginalTexts originals, int ticketId, CancellationToken cancellationToken, int? messageLimit = null)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Include(t => t.Contact).Include(t => t.Group).Include(t => t.Provider)
            .FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket?.Contact is null)
        {
            return null;
        }

        // Names of the providers, groups and pool numbers this ticket touched, not of the whole marketplace.
        var providerIds = db.Offers.Where(o => o.TicketId == ticketId).Select(o => o.ProviderId)
            .Concat(db.RelaySessions.Where(s => s.TicketId == ticketId).Select(s => s.ProviderId))
            .Concat(db.PolicyViolations.Where(v => v.TicketId == ticketId && v.ProviderId != null).Select(v => v.ProviderId!.Value));
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var groupIds = db.Offers.Where(o => o.TicketId == ticketId).Select(o => o.GroupId);
        var groups = await db.ProviderGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var poolIds = db.Offers.Where(o => o.TicketId == ticketId && o.PoolPhoneNumberId != null).Select(o => o.PoolPhoneNumberId!)
            .Concat(db.RelaySessions.Where(s => s.TicketId == ticketId).Select(s => s.PoolPhoneNumberId));
        var numbers = await db.ProxyNumbers.AsNoTracking().Where(n => poolIds.Contains(n.PhoneNumberId)).ToDictionaryAsync(n => n.PhoneNumberId, n => n.DisplayNumber, cancellationToken);
        var assignee = ticket.AssigneeUserId is null ? null
            : await db.Users.Where(u => u.Id == ticket.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);

        var violations = (await db.PolicyViolations.AsNoTracking().Where(v => v.TicketId == ticketId).OrderBy(v => v.At).ThenBy(v => v.Id).ToListAsync(cancellationToken))
            .Select(v => new TranscriptViolation(v.MessageId, DisplayNames.Of(v.Kind), DisplayNames.Of(v.Action), DisplayNames.Of(v.Sender), Name(providers, v.ProviderId), NumberMask.Mask(v.Found)!, v.At))
            .ToList();
        var ordered = db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id);
        var messages = await (messageLimit is { } limit ? ordered.Take(limit) : ordered).ToListAsync(cancellationToken);
        var messageTotal = messageLimit is null || messages.Count < messageLimit ? messages.Count : await ordered.CountAsync(cancellationToken);
        var wamids = messages.Where(m => m.Wamid != null).Select(m => m.Wamid!).ToList();
        var deliveries = (await db.StatusEvents.AsNoTracking().Where(s => wamids.Contains(s.Wamid)).ToListAsync(cancellationToken))
            .OrderBy(s => s.At).ToLookup(s => s.Wamid, s => new TranscriptDelivery(s.Status.ToString(), s.At, s.ErrorCode));

        var offers = (await db.Offers.AsNoTracking().Where(o => o.TicketId == ticketId).OrderBy(o => o.OfferedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken))
            .Select(o => new TranscriptOffer(Name(providers, o.ProviderId) ?? "?", Name(groups, o.GroupId), o.Status.ToString(), o.Attempt,
                o.PoolPhoneNumberId is null ? null : numbers.GetValueOrDefault(o.PoolPhoneNumberId, "unknown number"), o.OfferedAt, o.ExpiresAt, o.RespondedAt))
            .ToList();
        var sessions = (await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId).OrderBy(s => s.OpenedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken))
            .Select(s => new TranscriptRelaySession(Name(providers, s.ProviderId) ?? "?", numbers.GetValueOrDefault(s.PoolPhoneNumberId, "unknown number"), s.OpenedAt, s.ClosedAt, s.CloseReason))
            .ToList();
        var alerts = await db.SlaAlerts.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var timeline = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.At, e.Kind, e.Detail, e.Actor)).ToListAsync(cancellationToken);

        var messageIds = messages.Select(m => m.Id).ToHashSet();
        var references = await Inbox.InboxQueries.ExternalReferencesAsync(db, ticketId, cancellationToken);

        // A violation of a message further on (not on this page) is not "unattached": its message exists.
        var elsewhere = violations.Where(v => v.MessageId is { } id && !messageIds.Contains(id)).Select(v => v.MessageId!.Value).Distinct().ToList();
        var onLaterPage = elsewhere.Count == 0 || messageTotal == messages.Count ? []
            : (await db.Messages.Where(m => m.TicketId == ticketId && elsewhere.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        return new Transcript(
            new TranscriptTicket(ticket.Id, ticket.Contact.Alias, ticket.Contact.FirstName, ticket.Status.ToString(), ticket.ServiceType, ticket.Area, ticket.Urgency.ToString(),
                ticket.Group?.Name, ticket.Provider?.DisplayName, assignee, ticket.CreatedAt, ticket.FirstHumanReplyAt, ticket.OfferedAt, ticket.AcceptedAt,
                ticket.ProviderFirstMessageAt, ticket.ResolvedAt, ticket.RoutingExplanation)
            { ExternalReferences = references },
            messages.Select(m => new TranscriptMessage(m.Id, m.CreatedAt, m.Direction, m.AuthorName, m.Type, NumberMask.Mask(m.Text), NumberMask.Mask(originals.Unprotect(m.OriginalText)),
                m.Status.ToString(), m.ErrorCode, m.ErrorTitle, m.Wamid is null ? [] : deliveries[m.Wamid].ToList(),
                violations.Where(v => v.MessageId == m.Id).ToList())).ToList(),
            offers,
            sessions,
            SlaOutcomes(ticket, alerts),
            alerts.Select(a => new TranscriptSlaAlert(DisplayNames.Of(a.Kind), DisplayNames.Of(a.Level), a.DueAt, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgeNote)).ToList(),
            timeline)
        {
            UnattachedViolations = violations.Where(v => v.MessageId is null || !messageIds.Contains(v.MessageId.Value) && !onLaterPage.Contains(v.MessageId.Value)).ToList(),
            MessageTotal = messageTotal,
        };
    }

    private static List<TranscriptSlaTarget> SlaOutcomes(Ticket ticket, List<SlaAlertRecord> alerts)
        => Enum.GetValues<SlaTargetKind>().Select(kind =>
        {
            DateTime? metAt = kind switch
            {
                SlaTargetKind.FirstResponse => ticket.FirstHumanReplyAt,
                SlaTargetKind.OfferAcceptance => ticket.AcceptedAt,
                SlaTargetKind.ProviderFirstContact => ticket.ProviderFirstMessageAt,
                SlaTargetKind.ArrivalWindow => ticket.ArrivalConfirmedAt,
                SlaTargetKind.Resolution => ticket.ResolvedAt,
                _ => null,
            };
            var outcome = alerts.Any(a => a.Kind == kind && a.Level == SlaAlertLevel.Breach) ? "breached"
                : metAt is not null ? "met"
                : kind == SlaTargetKind.NextResponse ? (ticket.WaitingSince is null ? "met" : "running")
                : ticket.IsOpen ? "running" : "not reached";
            return new TranscriptSlaTarget(DisplayNames.Of(kind), outcome, metAt);
        }).ToList();

    private static string? Name(Dictionary<int, string> names, int? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;
}
