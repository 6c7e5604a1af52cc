using System.Globalization;
using BowInbox.Core.Channel;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Identity;
using BowInbox.Web.Live;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>
/// The relay's part of inbound processing, run inside the channel's transaction: a message is stored,
/// relayed and marked handled together, so a duplicate delivery (already stored) is never relayed again and
/// a crash before the commit relays nothing, to be redone from the stored event.
/// </summary>
public sealed class RelayInbound(
    RelayForwarder forwarder,
    RelayDelivery delivery,
    RelaySessionStore sessions,
    IEnumerable<IProviderCommandHandler> handlers,
    DeferredCommandSignal deferredCommands,
    BowInbox.Web.Privacy.StoredPayloads payloads,
    TimeProvider time,
    ILogger<RelayInbound> logger) : IInboundRelay
{
    /// <summary>Row ids of the "which job" list: <c>relay-job:{held message}:{ticket}</c>.</summary>
    public const string PickPrefix = "relay-job:";

    public const string HelpLine = "/help – this list of commands";

    // The session with its provider, in one read (both tracked: the forwarder finds the provider without a query).
    private static readonly CompiledPerProvider<Func<InboxDbContext, int, CancellationToken, Task<OpenSession?>>> OpenSessionOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, int ticketId, CancellationToken _) => (
            from s in db.RelaySessions
            join p in db.Providers on s.ProviderId equals p.Id
            where s.TicketId == ticketId && s.ClosedAt == null
                && db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != UserStanding.DeactivatedUntil // UserStanding.ActiveProviders, inline
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == UserStanding.TechnicianRole)))
            orderby s.Id descending
            select new OpenSession(s, p)).FirstOrDefault()));

    /// <summary>The turn's numbers serve its reads of the central number and of our own numbers (the content policy's allowlist).</summary>
    public void BeginTurn(InboxDbContext db, IReadOnlyList<BowInbox.Core.Numbers.ProxyNumber> ourNumbers)
    {
        db.Remember(RelayDelivery.CentralKey, RelayDelivery.CentralAmong(ourNumbers));
        RelaySettings.RememberOwnNumbers(db, ourNumbers.Where(n => n.Active).Select(n => n.DisplayNumber));
    }

    /// <summary>The customer's message, recorded on its ticket in the caller's unit of work (saved by the caller).</summary>
    public async Task CustomerMessageAsync(
        InboxDbContext db, InboundGroup group, InboundMessage inbound, BowInbox.Core.Messaging.Message message, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (!group.TryOpenSession(message.TicketId, out var session))
        {
            session = (await OpenSessionOf.For(db)(db, message.TicketId, cancellationToken))?.Session;
        }

        if (session is not null)
        {
            await forwarder.ToProviderAsync(db, group, session, message, inbound, changes, cancellationToken);
        }
        else if (group.TicketById(message.TicketId) is { } ticket
            ? ticket.ProviderId != null
            : await db.Tickets.AnyAsync(t => t.Id == message.TicketId && t.ProviderId != null, cancellationToken))
        {
            await forwarder.ReopenOrScreenAsync(db, group, message.TicketId, message, inbound, changes, cancellationToken);
        }
    }

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, CancellationToken, Task<Provider?>>> ProviderByHash = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string waIdHash, CancellationToken _) => db.Providers.FirstOrDefault(p => p.WaIdHash == waIdHash
            && db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != UserStanding.DeactivatedUntil // UserStanding.ActiveProviders, inline
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == UserStanding.TechnicianRole))))));

    /// <summary>
    /// A message on a pool number: a relay to the customer, a command, a "which job" question, or a polite refusal.
    /// Text that is no command and no button or list answer goes to the customer of the provider's one matching
    /// session on this number, in the caller's unit of work, and is returned (it has its id once the caller saves).
    /// Anything else is rare and its handlers read the database: what the caller added so far is saved first, this is
    /// saved too, and a message relayed on the way (a reopened relay) is returned saved.
    /// </summary>
    public async Task<BowInbox.Core.Messaging.Message?> PoolMessageAsync(
        InboxDbContext db, InboundGroup group, UnroutedMessage unrouted, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (!group.TryProvider(unrouted.FromHash, out var provider))
        {
            provider = await ProviderByHash.For(db)(db, unrouted.FromHash, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var plain = provider is not null && inbound.ReplyId is null && !RelayText.TryParseCommand(inbound.Text, out _, out _);
        var match = plain ? await RelaySessionFinder.FindAsync(db, group, provider!.Id, unrouted.PhoneNumberId, inbound.ContextWamid, null, cancellationToken) : null;
        if (match?.Session is { } matched)
        {
            var relayed = await forwarder.FromProviderAsync(db, group, matched, provider!, inbound, changes, cancellationToken);
            unrouted.HandledAt = now;
            return relayed;
        }

        await db.SaveChangesAsync(cancellationToken);
        var reopened = await HandleAsync(db, group, provider, unrouted, inbound, match, changes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return reopened;
    }

    /// <summary>Everything on a pool number that is not a plain relay to an open session; returns a message relayed through a reopened session.</summary>
    private async Task<BowInbox.Core.Messaging.Message?> HandleAsync(
        InboxDbContext db, InboundGroup group, Provider? provider, UnroutedMessage unrouted, InboundMessage inbound, SessionMatch? match, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sender = new Recipient(unrouted.FromProtected, unrouted.FromHash);
        if (provider is null)
        {
            await AnswerStrangerAsync(db, unrouted, sender, cancellationToken);
            unrouted.HandledAt = now;
            return null;
        }

        if (inbound.ReplyId?.StartsWith(PickPrefix, StringComparison.Ordinal) == true)
        {
            await RelayPickedAsync(db, group, provider, unrouted, sender, inbound.ReplyId, changes, cancellationToken);
            unrouted.HandledAt = now;
            return null;
        }

        var text = inbound.Text ?? "";
        var command = new ProviderCommandContext(db, provider, unrouted.PhoneNumberId, inbound, text, inbound.ReplyId, inbound.ContextWamid);
        foreach (var handler in handlers)
        {
            if (handler is IDeferredProviderCommandHandler deferred)
            {
                if (deferred.Claims(command))
                {
                    // Held (HandledAt stays empty) for the dispatcher, which runs it after this transaction commits.
                    deferredCommands.Notify();
                    return null;
                }

                continue;
            }

            if (await handler.TryHandleAsync(command, cancellationToken))
            {
                PendingChanges.MoveTo(db, changes);
                unrouted.HandledAt = now;
                return null;
            }
        }

        if (RelayText.TryParseCommand(text, out _, out _))
        {
            // Commands are never relayed; one nobody handled (or /help) gets the list.
            await delivery.SendTextAsync(db, unrouted.PhoneNumberId, sender, HelpText(), null, null, cancellationToken);
            unrouted.HandledAt = now;
            return null;
        }

        match ??= await RelaySessionFinder.FindAsync(db, group, provider.Id, unrouted.PhoneNumberId, inbound.ContextWamid, null, cancellationToken);
        var session = match.Session;
        if (session is null && match.Candidates.Count == 0 && await sessions.ReopenIdleOnPoolAsync(db, provider, unrouted.PhoneNumberId, cancellationToken) is { } reopened)
        {
            group.Opened(reopened);
            session = reopened;
        }

        if (session is not null)
        {
            var message = await forwarder.FromProviderAsync(db, group, session, provider, inbound, changes, cancellationToken);
            unrouted.HandledAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return message;
        }

        if (match.Candidates.Count == 0)
        {
            await delivery.SendTextAsync(db, unrouted.PhoneNumberId, sender, RelayNotices.NoOpenJob, null, null, cancellationToken);
            unrouted.HandledAt = now;
        }
        else
        {
            // Held (HandledAt stays empty) until the provider picks the job: never a guess.
            await AskWhichJobAsync(db, unrouted, sender, match.Candidates, cancellationToken);
        }

        return null;
    }

    /// <summary>A short list a phone shows without scrolling: one bullet per command, what it does in a few words.</summary>
    public string HelpText() => ShortList(handlers.SelectMany(h => h.HelpLines).Append(HelpLine));

    /// <summary>Each "/command – what it does: more (example)" line cut to "• /command – what it does".</summary>
    public static string ShortList(IEnumerable<string> lines)
    {
        static string Short(string line)
        {
            var dash = line.IndexOf(" – ", StringComparison.Ordinal);
            var cut = dash < 0 ? -1 : line.IndexOfAny([':', '('], dash);
            return "• " + (cut < 0 ? line : line[..cut]).TrimEnd();
        }

        return "Commands:\n" + string.Join("\n", lines.Select(Short)) + "\nAdd a job number to pick a job (/done 42). Anything else goes to your customer.";
    }

    public void NotifySender() => delivery.NotifySender();

    private async Task AnswerStrangerAsync(InboxDbContext db, UnroutedMessage unrouted, Recipient sender, CancellationToken cancellationToken)
    {
        var central = await RelayDelivery.CentralAsync(db, cancellationToken);
        await delivery.SendTextAsync(db, unrouted.PhoneNumberId, sender, RelayNotices.Stranger(central?.DisplayNumber), null, null, cancellationToken);

        // Which of our numbers, never who wrote: the sender's number stays out of logs.
        logger.LogInformation("A message on pool number {PhoneNumberId} came from someone who is not a provider; answered automatically, nothing relayed", unrouted.PhoneNumberId);
    }

    private async Task AskWhichJobAsync(InboxDbContext db, UnroutedMessage held, Recipient sender, IReadOnlyList<RelaySession> candidates, CancellationToken cancellationToken)
    {
        var ticketIds = candidates.Select(c => c.TicketId).ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Contact!.Alias, t.Contact.ProfileName, t.ServiceType, t.Area }).ToListAsync(cancellationToken);
        var rows = tickets.OrderByDescending(t => t.Id).Take(WhatsAppLimits.MaxListRows).Select(t => new ListRow(
            string.Create(CultureInfo.InvariantCulture, $"{PickPrefix}{held.Id}:{t.Id}"),
            Fit($"#{t.Id} {BowInbox.Core.Contacts.PersonName.FirstName(t.ProfileName) ?? t.Alias}", WhatsAppLimits.MaxListRowTitleLength),
            Fit($"{t.ServiceType ?? "service ?"}, {t.Area ?? "area ?"}", WhatsAppLimits.MaxListRowDescriptionLength))).ToList();
        var payload = OutboundPayloads.List(RelayNotices.WhichJob, "Choose the job", [new ListSection(null, rows)]);
        await delivery.SendAsync(db, held.PhoneNumberId, sender, OutboxKind.Interactive, payload, null, null, cancellationToken);
    }

    private async Task RelayPickedAsync(InboxDbContext db, InboundGroup group, Provider provider, UnroutedMessage pick, Recipient sender, string replyId, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var parts = replyId[PickPrefix.Length..].Split(':');
        var heldId = parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : 0;
        var ticketId = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
        var held = await db.UnroutedMessages.FirstOrDefaultAsync(
            m => m.Id == heldId && m.FromHash == pick.FromHash && m.PhoneNumberId == pick.PhoneNumberId && m.HandledAt == null, cancellationToken);
        var session = await db.RelaySessions.FirstOrDefaultAsync(
            s => s.TicketId == ticketId && s.ProviderId == provider.Id && s.PoolPhoneNumberId == pick.PhoneNumberId && s.ClosedAt == null, cancellationToken);
        if (held is null || session is null)
        {
            var why = held is null ? "That message was already passed on or answered." : $"Job #{ticketId} is closed, so the message was not passed on.";
            await delivery.SendTextAsync(db, pick.PhoneNumberId, sender, why, null, null, cancellationToken);
            return;
        }

        var inbound = payloads.ReadMessage(held.RawJson)!;
        var message = await forwarder.FromProviderAsync(db, group, session, provider, inbound, changes, cancellationToken);
        held.HandledAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        changes.Add(new MessageAdded(session.TicketId, message.Id, NewTicket: false));
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

internal sealed record OpenSession(RelaySession Session, Provider Provider);
