using System.Globalization;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// <c>/done</c> and <c>/handoff &lt;group&gt;</c> on a pool number. With several jobs on the number, the job is
/// the quoted message's, or given after the command (<c>/done 42</c>); otherwise the provider is asked.
/// </summary>
public sealed class RelayCommands(IRelaySessions sessions, RelayDelivery delivery, BowInbox.Web.Languages.CustomerLanguages languages, TimeProvider time) : IProviderCommandHandler
{
    public IEnumerable<string> HelpLines =>
    [
        "/done – the job is finished: closes it and thanks the customer (/done 42 picks job #42)",
        "/handoff <group> [note] – hand the job back to our team for another professional in that group, with a note for them",
    ];

    public async Task<bool> TryHandleAsync(ProviderCommandContext context, CancellationToken cancellationToken)
    {
        if (!RelayText.TryParseCommand(context.Text, out var command, out var argument) || command is not ("done" or "handoff"))
        {
            return false;
        }

        var to = RelayDelivery.RecipientOf(context.Provider)!;
        var job = command == "done" ? JobNumber(argument) : null;
        var match = await RelaySessionFinder.FindAsync(context.Db, WhatsApp.InboundGroup.Unknown(), context.Provider.Id, context.PoolPhoneNumberId, context.ContextWamid, job, cancellationToken);
        if (match.Session is not { } session)
        {
            var answer = match.Candidates.Count == 0
                ? RelayNotices.NoOpenJob
                : $"Which job? You have {match.Candidates.Count} open jobs on this number: "
                    + string.Join(", ", match.Candidates.Select(c => "#" + c.TicketId.ToString(CultureInfo.InvariantCulture)))
                    + $". Reply to one of its messages with /{command}, or send /{command} {match.Candidates[0].TicketId.ToString(CultureInfo.InvariantCulture)}.";
            await delivery.SendTextAsync(context.Db, context.PoolPhoneNumberId, to, answer, null, null, cancellationToken);
            return true;
        }

        var ticket = await context.Db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == session.TicketId, cancellationToken);
        if (command == "done")
        {
            await DoneAsync(context.Db, context.Provider, context.PoolPhoneNumberId, ticket, "sent /done", cancellationToken);
        }
        else
        {
            await HandoffAsync(context.Db, context.Provider, context.PoolPhoneNumberId, ticket, argument, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// The job is finished (<c>/done</c> on WhatsApp, or Done in the web queue): resolved, the relay closed, the customer
    /// thanked and the technician told, on the pool number <paramref name="poolPhoneNumberId"/>. <paramref name="how"/>
    /// ends the timeline line ("sent /done"). Live changes wait in <see cref="PendingChanges"/> for the caller's commit.
    /// </summary>
    public async Task DoneAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, Ticket ticket, string how, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        ticket.TryMoveTo(TicketStatus.Resolved);
        ticket.ResolvedAt = now;
        ticket.WaitingSince = null;
        ticket.LastActivityAt = now;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "status", Detail = $"Status {from} → {ticket.Status}: {provider.DisplayName} {how}", Actor = provider.DisplayName });
        await sessions.CloseAsync(db, ticket.Id, "job done", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (await RelayDelivery.CentralAsync(db, cancellationToken) is { } central)
        {
            var thanks = RelayNotices.ThanksCustomer(languages.Texts, await languages.OfAsync(db, ticket, cancellationToken), ticket.Contact!.FirstName, provider.FirstName, ticket.Id);
            var notice = await delivery.StoreNoticeAsync(db, ticket.Id, MessageDirection.ToCustomer, central.PhoneNumberId, thanks, cancellationToken);
            await delivery.SendTextAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(ticket.Contact), thanks, null, notice.Id, cancellationToken);
            ticket.ShowLatest(thanks);
        }

        if (RelayDelivery.RecipientOf(provider) is { } technician)
        {
            await delivery.SendTextAsync(db, poolPhoneNumberId, technician, RelayNotices.Done(ticket.Id), null, null, cancellationToken);
        }

        PendingChanges.Add(db, new TicketChanged(ticket.Id, "resolved"));
    }

    /// <summary>Timeline entry of a handoff to a named group: the router then offers the ticket in that group, not the one it would pick.</summary>
    public const string HandedToGroup = "handoff-to-group";

    /// <summary>The note a handing-off technician wrote, as it travels to the next provider's offer.</summary>
    public const string HandoffNoteKind = "handoff-note";

    /// <summary>
    /// The technician hands the job back to the team (<c>/handoff [group] [note]</c> on WhatsApp, or Hand back in the web
    /// queue). <paramref name="argument"/> starts with a group's name (or the first word of one) and the rest is a note
    /// for the next provider. The technician is not offered this ticket again (his offer counts as declined); routing
    /// offers it at once when it hears the change.
    /// </summary>
    public async Task HandoffAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, Ticket ticket, string argument, CancellationToken cancellationToken)
    {
        var groups = await db.ProviderGroups.AsNoTracking().Select(g => new HandoffGroup(g.Id, g.Name, g.Area)).ToListAsync(cancellationToken);
        var (named, written) = HandoffArgument.Read(argument, groups, ticket.Area);
        await HandoffAsync(db, provider, poolPhoneNumberId, ticket, named, written, string.IsNullOrWhiteSpace(argument), cancellationToken);
    }

    /// <summary>Hands the job to the group <paramref name="named"/> (or back to intake when null) with the note <paramref name="written"/>.</summary>
    public async Task HandoffAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, Ticket ticket, HandoffGroup? named, string? written, bool nothingNamed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        if (!ticket.TryMoveTo(TicketStatus.Requeued))
        {
            ticket.TryMoveTo(TicketStatus.New);
        }

        // Staff read the note on the timeline and the next provider in the offer: contact details never go further, nor
        // into the database in plain text.
        var note = written is null ? null : Routing.OfferText.Scrub(written);
        ticket.GroupId = named?.Id ?? ticket.GroupId;
        ticket.ProviderId = null;
        ticket.Provider = null;
        ticket.LastActivityAt = now;
        await ExcludeAsync(db, ticket, provider.Id, now, cancellationToken);
        var target = named is not null ? $"group '{named.Name}'" : nothingNamed ? "no group named" : "no known group named";
        var detail = $"{provider.DisplayName} handed the job back ({target}); status {from} → {ticket.Status}, back in the intake queue"
            + (note is null ? "" : $". Note: {note}");
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "handoff", Detail = detail, Actor = provider.DisplayName });
        if (named is not null)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = HandedToGroup, Detail = $"To be offered in '{named.Name}'", Actor = provider.DisplayName });
        }

        if (note is not null)
        {
            db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = HandoffNoteKind, Detail = note, Actor = provider.DisplayName });
        }

        db.Messages.Add(new Message { TicketId = ticket.Id, Direction = MessageDirection.InternalNote, AuthorName = "BowInbox", Type = "note", Text = detail, CreatedAt = now });
        await sessions.CloseAsync(db, ticket.Id, "handed back", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (RelayDelivery.RecipientOf(provider) is { } technician)
        {
            await delivery.SendTextAsync(db, poolPhoneNumberId, technician, RelayNotices.HandedOff(ticket.Id), null, null, cancellationToken);
        }

        PendingChanges.Add(db, new TicketChanged(ticket.Id, "handoff"));
    }

    // Handing a job back is declining it: routing skips providers who declined a ticket, so he is not offered it again.
    private static async Task ExcludeAsync(InboxDbContext db, Ticket ticket, int providerId, DateTime now, CancellationToken cancellationToken)
    {
        var his = await db.Offers.Where(o => o.TicketId == ticket.Id && o.ProviderId == providerId && (o.Status == OfferStatus.Accepted || o.Status == OfferStatus.Pending))
            .ToListAsync(cancellationToken);
        foreach (var offer in his)
        {
            offer.Status = OfferStatus.Declined;
            offer.RespondedAt = now;
        }

        if (his.Count == 0)
        {
            var attempts = await db.Offers.CountAsync(o => o.TicketId == ticket.Id, cancellationToken);
            db.Offers.Add(new Offer { TicketId = ticket.Id, ProviderId = providerId, GroupId = ticket.GroupId, Status = OfferStatus.Declined, Attempt = attempts + 1, OfferedAt = now, ExpiresAt = now, RespondedAt = now });
        }
    }

    private static int? JobNumber(string argument)
        => int.TryParse(argument.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
