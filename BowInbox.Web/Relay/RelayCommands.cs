using System.Globalization;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
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
        "/handoff <group> – hand the job back to our team for another professional",
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

    /// <summary>
    /// The technician hands the job back to the team (<c>/handoff</c> on WhatsApp, or Hand back in the web queue),
    /// for the named group or the ticket's own when <paramref name="group"/> is empty.
    /// </summary>
    public async Task HandoffAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, Ticket ticket, string group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = ticket.Status;
        if (!ticket.TryMoveTo(TicketStatus.Requeued))
        {
            ticket.TryMoveTo(TicketStatus.New);
        }

        var named = string.IsNullOrWhiteSpace(group) ? null : await db.ProviderGroups.FirstOrDefaultAsync(g => g.Name == group.Trim(), cancellationToken);
        ticket.GroupId = named?.Id ?? ticket.GroupId;
        ticket.ProviderId = null;
        ticket.Provider = null;
        ticket.LastActivityAt = now;
        var target = string.IsNullOrWhiteSpace(group) ? "no group named" : $"group '{group.Trim()}'{(named is null ? " (not a known group)" : "")}";
        var detail = $"{provider.DisplayName} handed the job back ({target}); status {from} → {ticket.Status}, back in the intake queue";
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = "handoff", Detail = detail, Actor = provider.DisplayName });
        db.Messages.Add(new Message { TicketId = ticket.Id, Direction = MessageDirection.InternalNote, AuthorName = "BowInbox", Type = "note", Text = detail, CreatedAt = now });
        await sessions.CloseAsync(db, ticket.Id, "handed back", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (RelayDelivery.RecipientOf(provider) is { } technician)
        {
            await delivery.SendTextAsync(db, poolPhoneNumberId, technician, RelayNotices.HandedOff(ticket.Id), null, null, cancellationToken);
        }

        PendingChanges.Add(db, new TicketChanged(ticket.Id, "handoff"));
    }

    private static int? JobNumber(string argument)
        => int.TryParse(argument.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
