using System.Globalization;
using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Inbox;
using BowInbox.Web.Languages;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>
/// <c>/handoff_to_underwriter [note]</c> from an insurer's desk on WhatsApp (and Hand to underwriting in the web queue):
/// the handoff of <see cref="RelayCommands"/> to the same insurer's underwriting group, with the note (scrubbed of
/// contact details), on the customer's same thread; routing offers it there at once, which starts that group's SLA.
/// The customer is told in neutral words that name nobody.
/// </summary>
public sealed class UnderwriterHandoff(IDbContextFactory<InboxDbContext> contexts, RelayCommands commands, RelayDelivery delivery, CustomerNotices customers, CustomerLanguages languages, TimeProvider time) : IProviderCommandHandler
{
    public const string Command = "handoff_to_underwriter";
    public const string EventKind = "to-underwriting";

    public IEnumerable<string> HelpLines => ["/handoff_to_underwriter [note] – pass an insurance request to the insurer's underwriting team, with a note for them"];

    public async Task<bool> TryHandleAsync(ProviderCommandContext context, CancellationToken cancellationToken)
    {
        if (!BowInbox.Core.Relay.RelayText.TryParseCommand(context.Text, out var command, out var argument) || command != Command)
        {
            return false;
        }

        var to = RelayDelivery.RecipientOf(context.Provider)!;
        var match = await RelaySessionFinder.FindAsync(context.Db, BowInbox.Web.WhatsApp.InboundGroup.Unknown(), context.Provider.Id, context.PoolPhoneNumberId, context.ContextWamid, null, cancellationToken);
        if (match.Session is not { } session)
        {
            var answer = match.Candidates.Count == 0
                ? RelayNotices.NoOpenJob
                : $"Which job? You have {match.Candidates.Count} open jobs on this number. Reply to one of its messages with /{Command}.";
            await delivery.SendTextAsync(context.Db, context.PoolPhoneNumberId, to, answer, null, null, cancellationToken);
            return true;
        }

        var ticket = await context.Db.Tickets.Include(t => t.Contact).SingleAsync(t => t.Id == session.TicketId, cancellationToken);
        if (await HandOverAsync(context.Db, context.Provider, context.PoolPhoneNumberId, ticket, argument, cancellationToken) is { } problem)
        {
            await delivery.SendTextAsync(context.Db, context.PoolPhoneNumberId, to, problem, null, null, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Hands <paramref name="ticket"/> to its insurer's underwriting group; returns why not (and changes nothing) when the
    /// ticket has no insurer, the insurer no underwriting group, or <paramref name="provider"/> is not on its desk.
    /// </summary>
    public async Task<string?> HandOverAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, Ticket ticket, string note, CancellationToken cancellationToken)
    {
        var insurer = ticket.InsurerId is { } insurerId ? await db.Insurers.AsNoTracking().FirstOrDefaultAsync(i => i.Id == insurerId, cancellationToken) : null;
        if (insurer is null)
        {
            return $"Job #{Id(ticket.Id)} is not an insurance request: use /handoff instead.";
        }

        if (!await db.ProviderGroupMembers.AnyAsync(m => m.GroupId == insurer.DeskGroupId && m.ProviderId == provider.Id, cancellationToken))
        {
            return $"Only {insurer.Name}'s desk can hand job #{Id(ticket.Id)} to underwriting.";
        }

        if (insurer.UnderwritingGroupId is not { } underwritingId
            || await db.ProviderGroups.AsNoTracking().Where(g => g.Id == underwritingId).Select(g => new HandoffGroup(g.Id, g.Name, g.Area)).FirstOrDefaultAsync(cancellationToken) is not { } underwriting)
        {
            return $"{insurer.Name} has no underwriting group: ask an Admin to set one at /admin/insurers.";
        }

        var written = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await commands.HandoffAsync(db, provider, poolPhoneNumberId, ticket, underwriting, written, nothingNamed: false, cancellationToken);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id,
            At = time.GetUtcNow().UtcDateTime,
            Kind = EventKind,
            Detail = $"{provider.DisplayName} passed the request to {insurer.Name}'s underwriting ('{underwriting.Name}')",
            Actor = provider.DisplayName,
        });
        var told = await languages.TextAsync(db, ticket, "insurance.underwriting", cancellationToken, ("ticket", Id(ticket.Id)));
        await customers.SendAsync(db, ticket, told, cancellationToken);
        ticket.ShowLatest(told);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The insurer whose underwriting the technician (Identity user <paramref name="userId"/>) may hand his job <paramref name="ticketId"/> to; null when he may not.</summary>
    public async Task<string?> UnderwritingInsurerAsync(string? userId, int ticketId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from t in TicketAccess.OfTechnician(db, userId)
                      join i in db.Insurers on t.InsurerId equals i.Id
                      where t.Id == ticketId && i.UnderwritingGroupId != null && db.ProviderGroupMembers.Any(m => m.GroupId == i.DeskGroupId && m.ProviderId == t.ProviderId)
                      select i.Name).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
