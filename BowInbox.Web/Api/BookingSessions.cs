using System.Security.Claims;
using BowInbox.Core.Audit;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary>A checked session request.</summary>
public sealed record ValidSession(CustomerIdentity Customer, int ProviderId, ExternalReference Reference, string? Service, string? Area);

public enum SessionOutcome
{
    Done = 0,
    NotFound = 1,
    Refused = 2,
}

public sealed record SessionResult(SessionOutcome Outcome, string Message, SessionView? Session = null);

/// <summary>
/// Relay sessions for confirmed bookings (like Twilio Proxy's sessions). The booking's ticket is the open one with the
/// same customer and reference, else a new one; assigning the technician goes through <see cref="RelayAssignment"/>,
/// which picks the pool number, briefs the technician and tells the customer who is coming (templates outside the
/// 24-hour window). Each session remembers the API key that opened it, and only that key sees or closes it.
/// </summary>
public sealed class BookingSessions(
    IDbContextFactory<InboxDbContext> contexts, CustomerRecords customers, RelayAssignment assignment, IRelaySessions relay, TicketActions actions, TimeProvider time)
{
    public async Task<SessionResult> OpenAsync(ClaimsPrincipal user, ValidSession request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int ticketId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Providers.AnyAsync(p => p.Id == request.ProviderId, cancellationToken))
            {
                return new SessionResult(SessionOutcome.NotFound, $"There is no technician {request.ProviderId}.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var contact = await customers.FindOrCreateContactAsync(db, request.Customer, now, cancellationToken);
            var reference = request.Reference;
            var ticket = await db.Tickets
                .Where(t => t.ContactId == contact.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
                    && db.ExternalReferences.Any(r => r.TicketId == t.Id && r.Kind == reference.Kind && r.Value == reference.Value))
                .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            if (ticket is null)
            {
                ticket = await CustomerRecords.OpenTicketAsync(db, contact, $"for a booking through the API ({ApiCaller.Actor(user)})", now, cancellationToken);
                ticket.ServiceType = request.Service;
                ticket.Area = request.Area;
                db.ExternalReferences.Add(new ExternalReference { TicketId = ticket.Id, Kind = reference.Kind, Value = reference.Value, CreatedAt = now });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ticketId = ticket.Id;
        }

        var assigned = await assignment.AssignAsync(user, ticketId, request.ProviderId, cancellationToken);
        if (!assigned.Succeeded)
        {
            return new SessionResult(SessionOutcome.Refused, NumberMask.Mask(assigned.Message)!);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var keyId = ApiCaller.KeyId(user);
            var session = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ProviderId == request.ProviderId && s.ClosedAt == null)
                .OrderByDescending(s => s.Id).FirstAsync(cancellationToken);
            session.OpenedByApiKeyId = keyId;
            await db.SaveChangesAsync(cancellationToken);
            return new SessionResult(SessionOutcome.Done, assigned.Message, (await ViewsAsync(db, db.RelaySessions.Where(s => s.Id == session.Id), cancellationToken)).Single());
        }
    }

    /// <summary>Closes the relay and resolves the booking's ticket, so a later message from the customer starts a new conversation.</summary>
    public async Task<SessionResult> CloseAsync(ClaimsPrincipal user, long sessionId, string reason, CancellationToken cancellationToken)
    {
        int ticketId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var session = await Own(db, user).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return new SessionResult(SessionOutcome.NotFound, $"There is no session {sessionId} opened with this key.");
            }

            if (session.ClosedAt is not null)
            {
                return new SessionResult(SessionOutcome.Refused, $"Session {sessionId} is already closed.");
            }

            await relay.CloseAsync(db, session.TicketId, reason, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            ticketId = session.TicketId;
        }

        var resolved = await actions.MoveAsync(user, ticketId, TicketStatus.Resolved);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var view = (await ViewsAsync(db, db.RelaySessions.Where(s => s.Id == sessionId), cancellationToken)).Single();
            return new SessionResult(SessionOutcome.Done, resolved.Succeeded ? "Session closed; ticket resolved" : "Session closed", view);
        }
    }

    public async Task<IReadOnlyList<SessionView>> ListAsync(ClaimsPrincipal user, string? kind, string? externalId, bool? open, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Own(db, user);
        if (externalId is not null)
        {
            query = query.Where(s => db.ExternalReferences.Any(r => r.TicketId == s.TicketId && r.Value == externalId && (kind == null || r.Kind == kind)));
        }

        if (open is { } isOpen)
        {
            query = isOpen ? query.Where(s => s.ClosedAt == null) : query.Where(s => s.ClosedAt != null);
        }

        return await ViewsAsync(db, query.OrderByDescending(s => s.Id).Take(200), cancellationToken);
    }

    private static IQueryable<Core.Relay.RelaySession> Own(InboxDbContext db, ClaimsPrincipal user)
    {
        var keyId = ApiCaller.KeyId(user);
        return db.RelaySessions.Where(s => s.OpenedByApiKeyId == keyId);
    }

    private static async Task<IReadOnlyList<SessionView>> ViewsAsync(InboxDbContext db, IQueryable<Core.Relay.RelaySession> sessions, CancellationToken cancellationToken)
    {
        var rows = await sessions.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.TicketId,
                s.ClosedAt,
                s.OpenedAt,
                s.CloseReason,
                s.ProviderId,
                Alias = db.Contacts.Where(c => c.Id == s.ContactId).Select(c => c.Alias).First(),
                Provider = db.Providers.Where(p => p.Id == s.ProviderId).Select(p => p.DisplayName).First(),
            })
            .ToListAsync(cancellationToken);
        var ticketIds = rows.Select(r => r.TicketId).Distinct().ToList();
        var references = await db.ExternalReferences.AsNoTracking().Where(r => ticketIds.Contains(r.TicketId)).OrderBy(r => r.Id)
            .Select(r => new { r.TicketId, r.Kind, r.Value }).ToListAsync(cancellationToken);
        return rows.Select(r => new SessionView(r.Id, r.TicketId, r.ClosedAt is null ? "open" : "closed", r.Alias, r.ProviderId, NumberMask.Mask(r.Provider)!, r.OpenedAt, r.ClosedAt,
            NumberMask.Mask(r.CloseReason), references.Where(x => x.TicketId == r.TicketId).Select(x => new ExternalReferenceBody(x.Kind, x.Value)).ToList())).ToList();
    }
}
