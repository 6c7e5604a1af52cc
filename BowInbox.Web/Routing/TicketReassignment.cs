using System.Security.Claims;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Routing;

/// <summary>A supervisor handing a ticket straight to a provider: open offers are withdrawn, relay sessions moved, the change audited.</summary>
public sealed class TicketReassignment(
    IDbContextFactory<InboxDbContext> contexts,
    CustomerNotices customers,
    OutboxWriter outbox,
    AuditLog audit,
    InboxEvents events,
    IRelaySessions relaySessions,
    TimeProvider time)
{
    /// <summary>Whether the user may take a ticket from its provider (<see cref="Inbox.TicketAccess.MayReassign"/>).</summary>
    public static bool MayReassign(ClaimsPrincipal user) => Inbox.TicketAccess.MayReassign(user);

    public async Task<Inbox.ActionResult> ReassignAsync(ClaimsPrincipal user, int ticketId, int providerId, CancellationToken cancellationToken = default)
    {
        if (!MayReassign(user))
        {
            return Inbox.ActionResult.Fail("Only supervisors can reassign tickets.");
        }

        var actor = user.Identity?.Name ?? "supervisor";
        string detail;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ticket = await TicketAccess.Visible(db, user).Include(t => t.Contact).Include(t => t.Provider).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
            if (ticket is null || !ticket.IsOpen || provider is null)
            {
                return Inbox.ActionResult.Fail("That ticket is closed or does not exist, or the provider does not exist.");
            }

            if (provider.Availability == ProviderAvailability.Paused || (ticket.ProviderId == provider.Id && ticket.Status == TicketStatus.Assigned))
            {
                return Inbox.ActionResult.Fail(provider.Availability == ProviderAvailability.Paused ? $"{provider.DisplayName} is paused." : $"The ticket is already {provider.DisplayName}'s.");
            }

            if (!await db.IsActiveProviderAsync(provider.Id, cancellationToken))
            {
                return Inbox.ActionResult.Fail(UserStanding.InactiveProvider(provider.DisplayName));
            }

            var now = time.GetUtcNow().UtcDateTime;
            await db.Offers.Where(o => o.TicketId == ticketId && o.Status == OfferStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
            await relaySessions.CloseAsync(db, ticketId, "reassigned", cancellationToken);

            detail = $"Reassigned from {ticket.Provider?.DisplayName ?? "nobody"} to {provider.DisplayName} by {actor}";
            ticket.ProviderId = provider.Id;
            ticket.Provider = provider;
            ticket.TryMoveTo(TicketStatus.Assigned);
            ticket.AcceptedAt = now;
            ticket.ForgetArrivalWindow();
            ticket.LastActivityAt = now;
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "reassigned", Detail = detail, Actor = actor });
            var pool = await OfferPoolNumbers.PickAsync(db, provider.Id, cancellationToken);
            if (pool is not null)
            {
                await relaySessions.OpenAsync(db, ticket, provider, pool, cancellationToken);
            }
            else
            {
                await customers.SendAsync(db, ticket, await customers.WhoIsComingAsync(db, ticket, provider.FirstName, cancellationToken), cancellationToken);
            }

            await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.Reassigned, $"ticket:{ticketId}", detail), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outbox.NotifySender();
        await events.PublishAsync(new TicketChanged(ticketId, "reassigned"));
        return Inbox.ActionResult.Ok(detail);
    }
}
