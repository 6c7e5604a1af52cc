using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Identity;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>What routing did, for the person or job that asked.</summary>
public sealed record RoutingOutcome(bool Offered, string Message);

/// <summary>
/// Offers tickets to providers: picks the group covering service and area, the provider by the group's strategy,
/// and writes the offer, the ticket's new state, its timeline line and the WhatsApp offer in one transaction.
/// Escalates when nobody is eligible or the group's attempt limit is reached.
/// </summary>
public sealed class TicketRouter(
    IDbContextFactory<InboxDbContext> contexts,
    ProviderNotices providerNotices,
    RoutingEscalation escalation,
    OutboxWriter outbox,
    InboxEvents events,
    IRelaySessions relaySessions,
    TimeProvider time,
    ILogger<TicketRouter> logger) : ITicketRouter
{
    private const int ConcurrencyRetries = 5;

    private static readonly TicketStatus[] Routable = [TicketStatus.New, TicketStatus.Qualified, TicketStatus.Requeued, TicketStatus.Escalated];

    Task ITicketRouter.RouteAsync(int ticketId, CancellationToken cancellationToken) => RouteAsync(ticketId, cancellationToken);

    public Task<RoutingOutcome> RouteAsync(int ticketId, CancellationToken cancellationToken = default)
        => WithRetriesAsync(() => OfferOnceAsync(ticketId, chosen: null, cancellationToken), cancellationToken);

    /// <summary>Offers the ticket to a provider staff chose, bypassing the group's strategy (but not availability).</summary>
    public Task<RoutingOutcome> OfferToAsync(int ticketId, int providerId, string actor, CancellationToken cancellationToken = default)
        => WithRetriesAsync(() => OfferOnceAsync(ticketId, (providerId, actor), cancellationToken), cancellationToken);

    /// <summary>
    /// Ends the ticket's pending offer or assignment as expired (the SLA ran out on that provider, who is then
    /// skipped for this ticket), closes relay sessions, and offers the ticket to the next provider.
    /// </summary>
    public async Task RequeueAsync(int ticketId, string reason, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is null || !ticket.IsOpen)
            {
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var current = await db.Offers.Where(o => o.TicketId == ticketId && (o.Status == OfferStatus.Pending || (o.Status == OfferStatus.Accepted && o.ProviderId == ticket.ProviderId)))
                .ToListAsync(cancellationToken);
            foreach (var offer in current)
            {
                offer.Status = OfferStatus.Expired;
                offer.RespondedAt ??= now;
            }

            if (ticket.Status == TicketStatus.Assigned)
            {
                await relaySessions.CloseAsync(db, ticketId, reason, cancellationToken);
            }

            ticket.ProviderId = null;
            ticket.TryMoveTo(TicketStatus.Requeued);
            ticket.LastActivityAt = now;
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "requeued", Detail = $"Re-queued: {reason}" });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.PublishAsync(new TicketChanged(ticketId, "requeued"));
        await RouteAsync(ticketId, cancellationToken);
    }

    private async Task<RoutingOutcome> WithRetriesAsync(Func<Task<RoutingOutcome>> once, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await once();
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Another routing moved the group's round-robin cursor first: read it again and pick again.
                logger.LogDebug("Round-robin cursor changed underneath; retrying (attempt {Attempt})", attempt);
                await Task.Delay(Random.Shared.Next(5, 30), cancellationToken);
            }
        }
    }

    /// <summary>
    /// A web chat visitor has no number a pool can relay to: the job goes to a technician once they continue on
    /// WhatsApp (the widget offers it), and until then the inbox staff answer them in the panel.
    /// </summary>
    public static string WebChatNotRelayed(int ticketId)
        => $"Ticket #{ticketId} is a web chat: a technician can take it once the visitor continues on WhatsApp (the chat panel offers it).";

    private async Task<RoutingOutcome> OfferOnceAsync(int ticketId, (int ProviderId, string Actor)? chosen, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return new RoutingOutcome(false, "That ticket does not exist.");
        }

        if (!Routable.Contains(ticket.Status))
        {
            return new RoutingOutcome(false, $"Ticket #{ticketId} is {ticket.Status}; only new, qualified, re-queued or escalated tickets are routed.");
        }

        if (ticket.Channel == TicketChannels.WebChat)
        {
            return new RoutingOutcome(false, WebChatNotRelayed(ticketId));
        }

        var offers = await db.Offers.Where(o => o.TicketId == ticketId).ToListAsync(cancellationToken);
        if (offers.Any(o => o.Status == OfferStatus.Pending))
        {
            return new RoutingOutcome(false, $"Ticket #{ticketId} already has an open offer.");
        }

        // An insurance request goes to its insurer's desk group, whatever service and area say.
        var insurerDesk = await BowInbox.Web.Insurance.InsurerRouting.DeskGroupAsync(db, ticket, cancellationToken);
        if (insurerDesk is null && (ticket.ServiceType is null || ticket.Area is null))
        {
            return new RoutingOutcome(false, "Fill in the service type and area first.");
        }

        var rules = await RoutingRulesStore.LoadAsync(db, cancellationToken);
        var qualification = await TicketQualification.ExplainAsync(db, ticket, rules, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // A technician who handed the job to a named group decided where it goes: that group wins over service and area.
        var group = await HandedToGroupAsync(db, ticket, cancellationToken) ?? insurerDesk
            ?? await RoutingCandidates.GroupCoveringAsync(db, ticket.ServiceType!, ticket.Area!, cancellationToken);
        Selection selection;
        if (chosen is { } pick)
        {
            var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pick.ProviderId, cancellationToken);
            if (provider is null || provider.Availability == ProviderAvailability.Paused)
            {
                return new RoutingOutcome(false, provider is null ? "That provider does not exist." : $"{provider.DisplayName} is paused and takes no new work.");
            }

            if (!await db.IsActiveProviderAsync(provider.Id, cancellationToken))
            {
                return new RoutingOutcome(false, UserStanding.InactiveProvider(provider.DisplayName));
            }

            selection = new Selection(provider.Id, group?.RoundRobinCursor ?? 0, [$"offered to {provider.FirstName} by {pick.Actor}"]);
        }
        else
        {
            if (group is null)
            {
                var raised = await escalation.EscalateAsync(db, ticket, $"no provider group covers {ticket.ServiceType} in {ticket.Area}", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return await PublishEscalatedAsync(ticketId, raised);
            }

            var lastEscalation = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == RoutingEscalation.EventKind)
                .OrderByDescending(e => e.At).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(cancellationToken);
            var attemptsSoFar = offers.Count(o => lastEscalation is null || o.OfferedAt > lastEscalation);
            selection = ProviderSelector.Pick(await RoutingCandidates.ForAsync(db, group, offers, now, cancellationToken));
            if (OfferPolicy.ShouldEscalate(attemptsSoFar, group.AttemptLimit, selection.ProviderId is not null))
            {
                var why = selection.ProviderId is null
                    ? string.Join("; ", selection.Explanation)
                    : $"nobody accepted after {attemptsSoFar} offers (limit {group.AttemptLimit})";
                var raised = await escalation.EscalateAsync(db, ticket, why, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return await PublishEscalatedAsync(ticketId, raised);
            }

            // Saved with the offer below; the cursor is a concurrency token, so a racing router retries.
            group.RoundRobinCursor = selection.NewCursor;
        }

        var chosenProvider = await db.Providers.FirstAsync(p => p.Id == selection.ProviderId, cancellationToken);
        var pool = await OfferPoolNumbers.PickAsync(db, chosenProvider.Id, cancellationToken);
        if (pool is null)
        {
            var unpooled = await escalation.EscalateAsync(db, ticket, "no provider pool number is configured", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return await PublishEscalatedAsync(ticketId, unpooled);
        }

        var offer = new Offer
        {
            TicketId = ticketId,
            ProviderId = chosenProvider.Id,
            GroupId = group?.Id,
            PoolPhoneNumberId = pool,
            Attempt = offers.Count + 1,
            OfferedAt = now,
            ExpiresAt = OfferPolicy.ExpiresAt(now, group?.OfferExpiryMinutes ?? OfferPolicy.DefaultExpiryMinutes),
        };
        db.Offers.Add(offer);
        var explanation = RoutingExplanation.Describe(qualification, selection);
        ticket.GroupId = group?.Id ?? ticket.GroupId;
        ticket.ProviderId = chosenProvider.Id;
        ticket.TryMoveTo(TicketStatus.Offered);
        ticket.OfferedAt = now;
        ticket.RoutingExplanation = explanation;
        ticket.LastActivityAt = now;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "offered", Detail = explanation, Actor = chosen?.Actor });
        await db.SaveChangesAsync(cancellationToken);

        var note = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == RelayCommands.HandoffNoteKind).OrderByDescending(e => e.Id)
            .Select(e => e.Detail).FirstOrDefaultAsync(cancellationToken);
        var customerTexts = await TicketQualification.CustomerTextsAsync(db, ticketId, 5, cancellationToken);
        var summary = OfferText.Summary(note is null ? customerTexts : [$"Handoff note: {note}", .. customerTexts]);
        await providerNotices.QueueOfferAsync(db, offer, ticket, chosenProvider, summary, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        outbox.NotifySender();
        await events.PublishAsync(new TicketChanged(ticketId, "offered"));
        return new RoutingOutcome(true, $"Offered to {chosenProvider.DisplayName}.");
    }

    private static async Task<ProviderGroup?> HandedToGroupAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
        => ticket.GroupId is { } groupId && await db.TicketEvents.AnyAsync(e => e.TicketId == ticket.Id && e.Kind == RelayCommands.HandedToGroup, cancellationToken)
            ? await db.ProviderGroups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken)
            : null;

    private async Task<RoutingOutcome> PublishEscalatedAsync(int ticketId, SupervisorAlertRaised? raised)
    {
        outbox.NotifySender();
        await events.PublishAsync(new TicketChanged(ticketId, RoutingEscalation.EventKind));
        if (raised is not null)
        {
            await events.PublishAsync(raised);
        }

        return new RoutingOutcome(false, $"Ticket #{ticketId} was escalated to a supervisor: nobody could take it.");
    }
}
