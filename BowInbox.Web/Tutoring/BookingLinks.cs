using System.Security.Claims;
using BowInbox.Core.Audit;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Tutoring;

/// <summary>A ticket found by its booking reference: what a Supervisor needs to pick the transcript, with no contact details.</summary>
public sealed record BookingTranscriptRow(int TicketId, string Booking, string Customer, string Status, DateTime OpenedAt, IReadOnlyList<string> Tutors, int Messages);

/// <summary>
/// Tutoring bookings in the inbox: staff link a ticket to the marketplace's booking reference (the external reference
/// of kind <c>booking</c>, the same one the sessions API opens a relay with), and Supervisors find transcripts by it.
/// </summary>
public sealed class BookingLinks(IDbContextFactory<InboxDbContext> contexts, InboxEvents events, TimeProvider time)
{
    public const string Kind = "booking";

    public async Task<ActionResult> LinkAsync(ClaimsPrincipal user, int ticketId, string? booking, CancellationToken cancellationToken = default)
    {
        if (!TicketAccess.SeesAllTickets(user))
        {
            return ActionResult.Fail("Only inbox staff can link a booking.");
        }

        if (ExternalReference.Problem(Kind, booking) is { } problem)
        {
            return ActionResult.Fail(problem.Replace("The id", "The booking reference", StringComparison.Ordinal));
        }

        var value = booking!.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await TicketAccess.Visible(db, user).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return ActionResult.Fail("That ticket does not exist or is not yours to see.");
        }

        if (await db.ExternalReferences.AnyAsync(r => r.TicketId == ticketId && r.Kind == Kind && r.Value == value, cancellationToken))
        {
            return ActionResult.Fail($"Booking {value} is already linked to this ticket.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.ExternalReferences.Add(new ExternalReference { TicketId = ticketId, Kind = Kind, Value = value, CreatedAt = now });
        ticket.LastActivityAt = now;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = Kind, Detail = $"Linked to booking {value}", Actor = user.Identity?.Name });
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new TicketChanged(ticketId, Kind));
        return ActionResult.Ok($"Linked to booking {value}");
    }

    /// <summary>Tickets whose booking reference matches (exactly, or starting with the text given); null for anyone but Supervisors and Admins.</summary>
    public async Task<IReadOnlyList<BookingTranscriptRow>?> SearchAsync(ClaimsPrincipal user, string? booking, CancellationToken cancellationToken = default)
    {
        if (!SupervisorAccess.MayAudit(user))
        {
            return null;
        }

        var value = booking?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > ExternalReference.MaxValueLength)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ExternalReferences.AsNoTracking()
            .Where(r => r.Kind == Kind && (r.Value == value || r.Value.StartsWith(value)))
            .Join(db.Tickets, r => r.TicketId, t => t.Id, (r, t) => new
            {
                t.Id,
                r.Value,
                Alias = db.Contacts.Where(c => c.Id == t.ContactId).Select(c => c.Alias).FirstOrDefault(),
                t.Status,
                t.CreatedAt,
                Messages = db.Messages.Count(m => m.TicketId == t.Id),
            })
            .OrderByDescending(x => x.Id).Take(100).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var tutors = await db.RelaySessions.AsNoTracking().Where(s => ids.Contains(s.TicketId))
            .Join(db.Providers, s => s.ProviderId, p => p.Id, (s, p) => new { s.TicketId, p.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BookingTranscriptRow(
            r.Id, r.Value, r.Alias ?? $"customer of #{r.Id}", r.Status.ToString(), r.CreatedAt,
            tutors.Where(t => t.TicketId == r.Id).Select(t => NumberMask.Mask(t.DisplayName)!).Distinct().ToList(), r.Messages)).ToList();
    }
}
