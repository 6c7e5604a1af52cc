using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Identity;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

public enum OfferAnswer
{
    Accepted = 0,
    Declined = 1,

    /// <summary>Someone else accepted first, or staff withdrew the offer.</summary>
    Taken = 2,
    Expired = 3,
    AlreadyAnswered = 4,
    NotFound = 5,
}

public sealed record OfferResult(OfferAnswer Answer, int TicketId, string Message)
{
    public bool Succeeded => Answer is OfferAnswer.Accepted or OfferAnswer.Declined;
}

/// <summary>
/// A provider's answer to an offer, from WhatsApp or the web queue, and the expiry of an unanswered one.
/// Each answer is a conditional UPDATE on the offer (<c>WHERE Status = Pending</c>) and acceptance a second one
/// on the ticket, in one transaction: of two racing answers exactly one changes anything.
/// </summary>
public sealed class OfferResponses(
    IDbContextFactory<InboxDbContext> contexts,
    TicketRouter router,
    CustomerNotices customers,
    OutboxWriter outbox,
    InboxEvents events,
    IRelaySessions relaySessions,
    TimeProvider time)
{
    public const string NotActive = "Your account can no longer take jobs; ask the team if this is a mistake.";

    public async Task<OfferResult> AcceptAsync(long offerId, int providerId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.ProviderId == providerId, cancellationToken);
        if (offer is null)
        {
            return new OfferResult(OfferAnswer.NotFound, 0, "There is no such offer for you.");
        }

        // Checked on the linked user, not the provider row: a leaver's stale offer (or WhatsApp number) claims nothing.
        if (!await db.IsActiveProviderAsync(providerId, cancellationToken))
        {
            return new OfferResult(OfferAnswer.NotFound, offer.TicketId, NotActive);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var won = await db.Offers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Accepted).SetProperty(o => o.RespondedAt, now), cancellationToken);
            if (won == 1)
            {
                var claimed = await db.Tickets
                    .Where(t => t.Id == offer.TicketId && t.Status != TicketStatus.Assigned && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Assigned).SetProperty(t => t.ProviderId, providerId)
                        .SetProperty(t => t.AcceptedAt, now).SetProperty(t => t.LastActivityAt, now)
                        .SetProperty(t => t.ArrivalWindowStart, (DateTime?)null).SetProperty(t => t.ArrivalWindowEnd, (DateTime?)null)
                        .SetProperty(t => t.ArrivalWindowZone, (string?)null).SetProperty(t => t.ArrivalConfirmedAt, (DateTime?)null), cancellationToken);
                if (claimed == 1)
                {
                    await CompleteAcceptanceAsync(db, offer, now, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    outbox.NotifySender();
                    await events.PublishAsync(new TicketChanged(offer.TicketId, "assigned"));
                    return new OfferResult(OfferAnswer.Accepted, offer.TicketId, $"Job #{offer.TicketId} is yours.");
                }
            }

            await transaction.RollbackAsync(cancellationToken);
        }

        // Lost: the ticket went to someone else while this offer was still open, so it is withdrawn now.
        await db.Offers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
        return await ExplainAsync(db, offerId, providerId, now, cancellationToken);
    }

    public async Task<OfferResult> DeclineAsync(long offerId, int providerId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ended = await EndPendingAsync(offerId, providerId, OfferStatus.Declined, now, cancellationToken);
        if (ended is null)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await ExplainAsync(db, offerId, providerId, now, cancellationToken);
        }

        await router.RouteAsync(ended.Value, cancellationToken);
        return new OfferResult(OfferAnswer.Declined, ended.Value, $"You declined job #{ended.Value}; it goes to the next provider.");
    }

    /// <summary>Marks a pending offer past its expiry as expired and offers the ticket to the next provider; false when it was already answered.</summary>
    public async Task<bool> ExpireAsync(long offerId, CancellationToken cancellationToken = default)
    {
        var ended = await EndPendingAsync(offerId, providerId: null, OfferStatus.Expired, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (ended is null)
        {
            return false;
        }

        await router.RouteAsync(ended.Value, cancellationToken);
        return true;
    }

    // Declined or expired: the offer ends, and the ticket (if it was waiting on this offer) is re-queued.
    private async Task<int?> EndPendingAsync(long offerId, int? providerId, OfferStatus outcome, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ending = db.Offers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending);
        ending = providerId is { } p ? ending.Where(o => o.ProviderId == p && o.ExpiresAt > now) : ending.Where(o => o.ExpiresAt <= now);
        if (await ending.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, outcome).SetProperty(o => o.RespondedAt, now), cancellationToken) == 0)
        {
            return null;
        }

        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId, cancellationToken);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == offer.TicketId, cancellationToken);
        var name = await db.Providers.Where(x => x.Id == offer.ProviderId).Select(x => x.DisplayName).SingleAsync(cancellationToken);
        var detail = outcome == OfferStatus.Declined
            ? $"{name} declined the offer"
            : $"The offer to {name} expired after {(int)(offer.ExpiresAt - offer.OfferedAt).TotalMinutes} min";
        if (ticket.ProviderId == offer.ProviderId && ticket.Status == TicketStatus.Offered)
        {
            ticket.ProviderId = null;
            ticket.TryMoveTo(TicketStatus.Requeued);
            ticket.LastActivityAt = now;
        }

        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = outcome == OfferStatus.Declined ? "declined" : "expired", Detail = detail });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.PublishAsync(new TicketChanged(ticket.Id, outcome.ToString().ToLowerInvariant()));
        return ticket.Id;
    }

    private async Task CompleteAcceptanceAsync(InboxDbContext db, Offer offer, DateTime now, CancellationToken cancellationToken)
    {
        await db.Offers.Where(o => o.TicketId == offer.TicketId && o.Id != offer.Id && o.Status == OfferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
        var ticket = await db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == offer.TicketId, cancellationToken);
        var provider = await db.Providers.SingleAsync(p => p.Id == offer.ProviderId, cancellationToken);
        ticket.GroupId = offer.GroupId ?? ticket.GroupId;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "accepted", Detail = $"{provider.DisplayName} accepted the job", Actor = provider.DisplayName });

        if (offer.PoolPhoneNumberId is not null)
        {
            await relaySessions.OpenAsync(db, ticket, provider, offer.PoolPhoneNumberId, cancellationToken);
        }
        else if (!await customers.SendAsync(db, ticket, await customers.WhoIsComingAsync(db, ticket, provider.FirstName, cancellationToken), cancellationToken))
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "notice-not-sent", Detail = "The customer could not be told who is coming (24-hour window closed): send a template." });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Why an answer changed nothing, told only about the provider's own offer: another's is "no such offer", like a missing one.</summary>
    private static async Task<OfferResult> ExplainAsync(InboxDbContext db, long offerId, int providerId, DateTime now, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.ProviderId == providerId, cancellationToken);
        return offer switch
        {
            null => new OfferResult(OfferAnswer.NotFound, 0, "There is no such offer for you."),
            { Status: OfferStatus.Withdrawn } => new OfferResult(OfferAnswer.Taken, offer.TicketId, $"Sorry, job #{offer.TicketId} was already taken."),
            { Status: OfferStatus.Expired } or { Status: OfferStatus.Pending } when offer.Status == OfferStatus.Expired || offer.ExpiresAt <= now
                => new OfferResult(OfferAnswer.Expired, offer.TicketId, $"The offer for job #{offer.TicketId} has expired."),
            { Status: OfferStatus.Accepted } => new OfferResult(OfferAnswer.AlreadyAnswered, offer.TicketId, $"Job #{offer.TicketId} is already yours."),
            { Status: OfferStatus.Declined } => new OfferResult(OfferAnswer.AlreadyAnswered, offer.TicketId, $"You already declined job #{offer.TicketId}."),
            _ => new OfferResult(OfferAnswer.Taken, offer.TicketId, $"Sorry, job #{offer.TicketId} was already taken."),
        };
    }
}
