using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Inbox;

public sealed record ActionResult(bool Succeeded, string Message)
{
    public static ActionResult Ok(string message) => new(true, message);

    public static ActionResult Fail(string message) => new(false, message);
}

public sealed record QualificationForm(string? ServiceType, string? Area, Urgency Urgency, string? Notes);

/// <summary>What staff do to a ticket from the inbox. Every action checks <see cref="TicketAccess"/> first and leaves a timeline entry.</summary>
public sealed class TicketActions(IDbContextFactory<InboxDbContext> contexts, InboxEvents events, IRelaySessions relay, OutboxWriter outbox, TimeProvider time)
{
    public const int MaxNoteLength = 4000;

    public Task<ActionResult> AssignToMeAsync(ClaimsPrincipal user, string displayName, int ticketId)
        => ChangeAsync(user, ticketId, "assigned", ticket =>
        {
            ticket.AssigneeUserId = TicketAccess.UserId(user);
            return ActionResult.Ok($"Assigned to {displayName}");
        });

    public Task<ActionResult> UnassignAsync(ClaimsPrincipal user, int ticketId)
        => ChangeAsync(user, ticketId, "unassigned", ticket =>
        {
            ticket.AssigneeUserId = null;
            return ActionResult.Ok("Unassigned");
        });

    public Task<ActionResult> MoveAsync(ClaimsPrincipal user, int ticketId, TicketStatus next)
        => ChangeAsync(user, ticketId, "status", ticket =>
        {
            var from = ticket.Status;
            if (next is TicketStatus.Offered or TicketStatus.Assigned)
            {
                return ActionResult.Fail(next == TicketStatus.Assigned
                    ? "A ticket is Assigned only by assigning a technician: use Assign technician."
                    : "A ticket is Offered only by offering it to a technician.");
            }

            if (!ticket.TryMoveTo(next))
            {
                return ActionResult.Fail($"A {from} ticket cannot move to {next}.");
            }

            if (next == TicketStatus.Resolved)
            {
                ticket.ResolvedAt = time.GetUtcNow().UtcDateTime;
                ticket.WaitingSince = null;
            }
            else if (from == TicketStatus.Resolved)
            {
                ticket.ResolvedAt = null;
            }

            return ActionResult.Ok($"Status {from} → {next}");
        },
        (db, ticket) => ticket.IsOpen && ticket.Status != TicketStatus.Requeued
            ? Task.CompletedTask
            : relay.CloseAsync(db, ticket.Id, $"ticket {ticket.Status.ToString().ToLowerInvariant()}", CancellationToken.None));

    public Task<ActionResult> QualifyAsync(ClaimsPrincipal user, int ticketId, QualificationForm form)
    {
        if (form.Notes?.Length > MaxNoteLength)
        {
            return Task.FromResult(ActionResult.Fail($"Notes are limited to {MaxNoteLength:N0} characters."));
        }

        return ChangeAsync(user, ticketId, "qualified", ticket =>
        {
            ticket.ServiceType = Clean(form.ServiceType);
            ticket.Area = Clean(form.Area);
            ticket.Urgency = form.Urgency;
            ticket.Notes = Clean(form.Notes);
            if (ticket.ServiceType is not null && ticket.Area is not null)
            {
                ticket.TryMoveTo(TicketStatus.Qualified);
            }

            return ActionResult.Ok($"Qualified: {ticket.ServiceType ?? "service unknown"}, {ticket.Area ?? "area unknown"}, {ticket.Urgency}");
        });
    }

    /// <summary>A staff-only note in the thread; never sent to WhatsApp.</summary>
    public async Task<ActionResult> AddNoteAsync(ClaimsPrincipal user, StaffAuthor author, int ticketId, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ActionResult.Fail("Write the note first.");
        }

        if (text.Length > MaxNoteLength)
        {
            return ActionResult.Fail($"Notes are limited to {MaxNoteLength:N0} characters.");
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (!await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId) || !TicketAccess.SeesAllTickets(user))
        {
            return ActionResult.Fail("You cannot write in this conversation.");
        }

        var message = new Message
        {
            TicketId = ticketId,
            Direction = MessageDirection.InternalNote,
            AuthorUserId = author.UserId,
            AuthorName = author.DisplayName,
            Type = "note",
            Text = text.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        await events.PublishAsync(new MessageAdded(ticketId, message.Id, NewTicket: false));
        return ActionResult.Ok("Note added");
    }

    /// <summary>Opening a conversation clears its unread count.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal user, int ticketId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var changed = await TicketAccess.Visible(db, user).Where(t => t.Id == ticketId && t.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UnreadCount, 0));
        if (changed > 0)
        {
            await events.PublishAsync(new TicketChanged(ticketId, "read"));
        }
    }

    private async Task<ActionResult> ChangeAsync(ClaimsPrincipal user, int ticketId, string kind, Func<Ticket, ActionResult> change, Func<InboxDbContext, Ticket, Task>? alsoInSameSave = null)
    {
        if (!TicketAccess.SeesAllTickets(user))
        {
            return ActionResult.Fail("Only inbox staff can change tickets here.");
        }

        await using var db = await contexts.CreateDbContextAsync();
        var ticket = await TicketAccess.Visible(db, user).FirstOrDefaultAsync(t => t.Id == ticketId);
        if (ticket is null)
        {
            return ActionResult.Fail("That ticket does not exist or is not yours to see.");
        }

        var result = change(ticket);
        if (!result.Succeeded)
        {
            return result;
        }

        if (alsoInSameSave is not null)
        {
            await alsoInSameSave(db, ticket);
        }

        var now = time.GetUtcNow().UtcDateTime;
        ticket.LastActivityAt = now;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = kind, Detail = result.Message, Actor = user.Identity?.Name });
        await db.SaveChangesAsync();
        outbox.NotifySender();
        await events.PublishAsync(new TicketChanged(ticketId, kind));
        return result;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
