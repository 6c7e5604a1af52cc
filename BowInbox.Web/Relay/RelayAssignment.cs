using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>A note for the technician who takes a ticket over; <paramref name="DraftedByAssistant"/> when the AI wrote it and staff kept it.</summary>
public sealed record HandoverNote(string? Text, bool DraftedByAssistant)
{
    public const int MaxLength = 500;

    public const string EventKind = "handoff-note";
}

public sealed record ProviderChoice(int Id, string DisplayName, ProviderAvailability Availability, string? PauseReason, int OpenJobs);

/// <summary>What the inbox shows about a ticket's provider side. Never a number.</summary>
/// <param name="ReopensOnCustomerMessage">Assigned, but the relay was closed for being idle: the customer's next message reopens it.</param>
/// <param name="MayAssign">
/// Whether this user may pick the technician now: anyone on the inbox staff for a ticket nobody holds, only supervisors
/// and admins when that takes it from someone (<see cref="Inbox.TicketAccess.MayReassign"/>).
/// </param>
public sealed record RelayPanel(
    int? ProviderId, string? ProviderName, string? ProviderPauseReason, bool SessionOpen, DateTime? SessionOpenedAt, bool ReopensOnCustomerMessage, IReadOnlyList<ProviderChoice> Providers,
    bool MayAssign);

/// <summary>Staff assigning a technician from the inbox (which opens the relay) and writing to the provider's side.</summary>
public sealed class RelayAssignment(
    IDbContextFactory<InboxDbContext> contexts,
    RelaySessionStore sessions,
    RelayDelivery delivery,
    ContactScanner scanner,
    InboxEvents events,
    AuditLog audit,
    Privacy.OriginalTexts originals,
    TimeProvider time)
{
    public const string ReassignDenied = "Only supervisors and admins can take a ticket from its technician.";

    public async Task<RelayPanel?> PanelAsync(ClaimsPrincipal user, int ticketId, CancellationToken cancellationToken = default)
    {
        if (!TicketAccess.SeesAllTickets(user))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await TicketAccess.Visible(db, user).AsNoTracking().Include(t => t.Provider).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var session = await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId && s.ClosedAt == null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new ProviderChoice(p.Id, p.DisplayName, p.Availability, p.PauseReason, db.RelaySessions.Count(s => s.ProviderId == p.Id && s.ClosedAt == null)))
            .ToListAsync(cancellationToken);
        return new RelayPanel(ticket.ProviderId, ticket.Provider?.DisplayName, ticket.Provider?.Availability == ProviderAvailability.Paused ? ticket.Provider.PauseReason : null,
            session is not null, session?.OpenedAt, session is null && ticket.Status == Core.Tickets.TicketStatus.Assigned, providers,
            ticket.ProviderId is null || Inbox.TicketAccess.MayReassign(user));
    }

    /// <summary>
    /// Assigns the technician and opens the relay on a pool number; a previous provider's session is closed and every
    /// pending offer on the ticket withdrawn (a stale offer must not claim it later). Taking a ticket from the provider
    /// it was offered or assigned to is a reassignment: supervisors and admins only, the same rule as
    /// <see cref="Inbox.TicketAccess.MayReassign"/>.
    /// </summary>
    public Task<ActionResult> AssignAsync(ClaimsPrincipal user, int ticketId, int providerId, CancellationToken cancellationToken = default)
        => AssignAsync(user, ticketId, providerId, new HandoverNote(null, false), cancellationToken);

    /// <summary>
    /// The same, with a note for the technician who takes over (a reassignment's handoff note): scanned like any
    /// message, kept on the timeline (marked when the assistant drafted it) and sent to them after the briefing.
    /// </summary>
    public async Task<ActionResult> AssignAsync(ClaimsPrincipal user, int ticketId, int providerId, HandoverNote handover, CancellationToken cancellationToken = default)
    {
        if (!TicketAccess.SeesAllTickets(user))
        {
            return ActionResult.Fail("Only inbox staff can assign technicians.");
        }

        var noteText = string.IsNullOrWhiteSpace(handover.Text) ? null : handover.Text.Trim();
        if (noteText is { Length: > HandoverNote.MaxLength })
        {
            return ActionResult.Fail($"The note for the technician is too long: at most {HandoverNote.MaxLength} characters.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await TicketAccess.Visible(db, user).Include(t => t.Contact).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (ticket is null || provider is null)
        {
            return ActionResult.Fail("That ticket or technician does not exist.");
        }

        if (!ticket.IsOpen)
        {
            return ActionResult.Fail($"Ticket #{ticket.Id} is {ticket.Status}; reopen it before assigning a technician.");
        }

        if (ticket.Channel == BowInbox.Core.Tickets.TicketChannels.WebChat)
        {
            return ActionResult.Fail(BowInbox.Web.Routing.TicketRouter.WebChatNotRelayed(ticket.Id));
        }

        if (ticket.ProviderId is { } holder && holder != providerId && !Inbox.TicketAccess.MayReassign(user))
        {
            return ActionResult.Fail(ReassignDenied);
        }

        if (provider.Availability == ProviderAvailability.Paused)
        {
            return ActionResult.Fail($"{provider.DisplayName} is paused and takes no new work: {provider.PauseReason}");
        }

        if (!await db.IsActiveProviderAsync(provider.Id, cancellationToken))
        {
            return ActionResult.Fail(UserStanding.InactiveProvider(provider.DisplayName));
        }

        if (RelayDelivery.RecipientOf(provider) is null)
        {
            return ActionResult.Fail($"{provider.DisplayName} has no WhatsApp number on file, so nothing can be relayed to them.");
        }

        var current = await db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ProviderId == providerId && s.ClosedAt == null, cancellationToken);
        if (current)
        {
            return ActionResult.Fail($"{provider.DisplayName} is already working on ticket #{ticket.Id}.");
        }

        var pool = await sessions.ChoosePoolNumberAsync(db, provider.Id, cancellationToken);
        if (pool is null)
        {
            return ActionResult.Fail("No provider-pool number is active: an Admin must add one under Admin → Numbers.");
        }

        var previous = ticket.ProviderId is { } previousId && previousId != providerId
            ? await db.Providers.AsNoTracking().Where(p => p.Id == previousId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = time.GetUtcNow().UtcDateTime;
        var withdrawn = await db.Offers.Where(o => o.TicketId == ticketId && o.Status == Core.Routing.OfferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, Core.Routing.OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
        string? note = null;
        if (noteText is not null)
        {
            var scan = scanner.Scan(noteText, await RelaySettings.ContentPolicyAsync(db, cancellationToken));
            if (scan.DeliveredText is null)
            {
                return ActionResult.Fail(scan.SenderNotice ?? "The content policy does not allow this note.");
            }

            note = scan.DeliveredText;
        }

        await sessions.OpenAsync(db, ticket, provider, pool, cancellationToken);
        if (note is not null)
        {
            await SendNoteAsync(db, ticket.Id, provider, pool, note, handover.DraftedByAssistant, user.Identity?.Name, cancellationToken);
        }

        db.TicketEvents.Add(new Core.Tickets.TicketEvent
        {
            TicketId = ticket.Id,
            At = now,
            Kind = "provider-assigned",
            Detail = (previous is null ? $"Technician {provider.DisplayName} assigned" : $"Reassigned from {previous} to {provider.DisplayName}")
                + (withdrawn > 0 ? $"; {withdrawn} pending offer(s) withdrawn" : ""),
            Actor = user.Identity?.Name,
        });
        if (previous is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await audit.SaveWithAsync(db, new AuditRecord(user.Identity?.Name ?? "staff", AuditActions.Reassigned, $"ticket:{ticket.Id}", $"From {previous} to {provider.DisplayName}"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        delivery.NotifySender();
        await events.PublishAsync(new TicketChanged(ticket.Id, "provider-assigned"));

        return ActionResult.Ok($"{provider.DisplayName} assigned; they were briefed on WhatsApp");
    }

    private async Task SendNoteAsync(InboxDbContext db, int ticketId, Core.Providers.Provider provider, string pool, string note, bool drafted, string? actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.TicketEvents.Add(new Core.Tickets.TicketEvent
        {
            TicketId = ticketId,
            At = now,
            Kind = HandoverNote.EventKind,
            Detail = $"Handoff note for {provider.DisplayName}" + (drafted ? " (drafted by the assistant)" : "") + $": {note}",
            Actor = actor,
        });
        var text = $"#{ticketId} Note from our team: {note}";
        var message = await delivery.StoreNoticeAsync(db, ticketId, MessageDirection.ToProvider, pool, text, cancellationToken);
        await delivery.SendTextAsync(db, pool, RelayDelivery.RecipientOf(provider)!, text, RelayNotices.RelayedTemplatePayload(ticketId, "our team", note), message.Id, cancellationToken);
    }

    /// <summary>Staff writing to the provider's side, from the session's pool number, through the same scanner and outbox.</summary>
    public async Task<ReplyResult> WriteToProviderAsync(ClaimsPrincipal user, StaffAuthor author, int ticketId, string? text, CancellationToken cancellationToken = default)
    {
        if (ReplySender.Validate(text) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!TicketAccess.SeesAllTickets(user) || !await TicketAccess.Visible(db, user).AnyAsync(t => t.Id == ticketId, cancellationToken))
        {
            return new ReplyResult(ReplyOutcome.NotFound, "That conversation does not exist or is not yours to answer.");
        }

        var session = await db.RelaySessions.AsNoTracking().Where(s => s.TicketId == ticketId && s.ClosedAt == null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var provider = session is null ? null : await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.ProviderId, cancellationToken);
        if (session is null || provider is null || RelayDelivery.RecipientOf(provider) is not { } to)
        {
            return new ReplyResult(ReplyOutcome.Invalid, "No technician is working on this ticket yet: assign one first.");
        }

        var scan = scanner.Scan(text!.Trim(), await RelaySettings.ContentPolicyAsync(db, cancellationToken));
        if (scan.DeliveredText is null)
        {
            return new ReplyResult(ReplyOutcome.Invalid, scan.SenderNotice ?? "The content policy does not allow this message.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = new Message
        {
            TicketId = ticketId,
            Direction = MessageDirection.ToProvider,
            AuthorUserId = author.UserId,
            AuthorName = author.DisplayName,
            Type = "text",
            Text = scan.DeliveredText,
            OriginalText = scan.DeliveredText == text.Trim() ? null : originals.Protect(text.Trim()),
            PhoneNumberId = session.PoolPhoneNumberId,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        var speaker = $"{Core.Contacts.PersonName.FirstName(author.DisplayName)} (team)";
        await delivery.SendTextAsync(db, session.PoolPhoneNumberId, to, RelayText.Prefixed(ticketId, speaker, scan.DeliveredText),
            RelayNotices.RelayedTemplatePayload(ticketId, speaker, scan.DeliveredText), message.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        delivery.NotifySender();
        await events.PublishAsync(new MessageAdded(ticketId, message.Id, NewTicket: false));
        return new ReplyResult(ReplyOutcome.Queued, "Message to the technician queued.", message.Id);
    }
}
