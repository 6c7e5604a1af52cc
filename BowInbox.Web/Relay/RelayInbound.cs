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
    ILogger<RelayInbound> logger)
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

    /// <summary>The customer's message, recorded on its ticket in the caller's unit of work (saved by the caller).</summary>
    public async Task CustomerMessageAsync(InboxDbContext db, InboundMessage inbound, BowInbox.Core.Messaging.Message message, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var session = db.IsLoaded(InboundPrefetch.OpenSessionKey(message.TicketId))
            ? db.LatestTracked<RelaySession>(s => s.TicketId == message.TicketId && s.ClosedAt == null, s => s.Id)
            : (await OpenSessionOf.For(db)(db, message.TicketId, cancellationToken))?.Session;
        if (session is not null)
        {
            await forwarder.ToProviderAsync(db, session, message, inbound, changes, cancellationToken);
        }
        else if (db.FirstTracked<BowInbox.Core.Tickets.Ticket>(t => t.Id == message.TicketId) is { } ticket
            ? ticket.ProviderId != null
            : await db.Tickets.AnyAsync(t => t.Id == message.TicketId && t.ProviderId != null, cancellationToken))
        {
            await forwarder.ReopenOrScreenAsync(db, message.TicketId, message, inbound, changes, cancellationToken);
        }
    }

    private static readonly CompiledPerProvider<Func<InboxDbContext, string, CancellationToken, Task<Provider?>>> ProviderByHash = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, string waIdHash, CancellationToken _) => db.Providers.FirstOrDefault(p => p.WaIdHash == waIdHash
            && db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != UserStanding.DeactivatedUntil // UserStanding.ActiveProviders, inline
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == UserStanding.TechnicianRole))))));

    /// <summary>
    /// A message on a pool number: a relay to the customer, a command, a "which job" question, or a polite refusal.
    /// A plain relay stays in the caller's unit of work and is returned (it has its id once the caller saves); for
    /// anything else what the caller added so far is saved first, this is saved too, and null is returned.
    /// </summary>
    public async Task<BowInbox.Core.Messaging.Message?> PoolMessageAsync(
        InboxDbContext db, UnroutedMessage unrouted, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var provider = db.IsLoaded(InboundPrefetch.ProviderKey(unrouted.FromHash))
            ? db.FirstTracked<Provider>(p => p.WaIdHash == unrouted.FromHash)
            : await ProviderByHash.For(db)(db, unrouted.FromHash, cancellationToken);
        if (provider is not null && await TryRelayAsync(db, provider, unrouted, inbound, changes, cancellationToken) is { } relayed)
        {
            return relayed;
        }

        // Everything else is rare, and its handlers read the database: they find what this group did so far saved.
        await db.SaveChangesAsync(cancellationToken);
        await HandleAsync(db, provider, unrouted, inbound, changes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Text that is no command and no button or list answer (which no <see cref="IProviderCommandHandler"/> handles) goes
    /// to the customer of the provider's one matching session on this number. Null when it is not that simple.
    /// </summary>
    private async Task<BowInbox.Core.Messaging.Message?> TryRelayAsync(
        InboxDbContext db, Provider provider, UnroutedMessage unrouted, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        if (inbound.ReplyId is not null || RelayText.TryParseCommand(inbound.Text, out _, out _))
        {
            return null;
        }

        var match = await RelaySessionFinder.FindAsync(db, provider.Id, unrouted.PhoneNumberId, inbound.ContextWamid, null, cancellationToken);
        if (match.Session is not { } session)
        {
            return null;
        }

        var message = await forwarder.FromProviderAsync(db, session, provider, inbound, changes, cancellationToken);
        unrouted.HandledAt = time.GetUtcNow().UtcDateTime;
        return message;
    }

    private async Task HandleAsync(InboxDbContext db, Provider? provider, UnroutedMessage unrouted, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sender = new Recipient(unrouted.FromProtected, unrouted.FromHash);
        if (provider is null)
        {
            await AnswerStrangerAsync(db, unrouted, sender, cancellationToken);
            unrouted.HandledAt = now;
            return;
        }

        if (inbound.ReplyId?.StartsWith(PickPrefix, StringComparison.Ordinal) == true)
        {
            await RelayPickedAsync(db, provider, unrouted, sender, inbound.ReplyId, changes, cancellationToken);
            unrouted.HandledAt = now;
            return;
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
                    return;
                }

                continue;
            }

            if (await handler.TryHandleAsync(command, cancellationToken))
            {
                PendingChanges.MoveTo(db, changes);
                unrouted.HandledAt = now;
                return;
            }
        }

        if (RelayText.TryParseCommand(text, out _, out _))
        {
            // Commands are never relayed; one nobody handled (or /help) gets the list.
            await delivery.SendTextAsync(db, unrouted.PhoneNumberId, sender, HelpText(), null, null, cancellationToken);
            unrouted.HandledAt = now;
            return;
        }

        var match = await RelaySessionFinder.FindAsync(db, provider.Id, unrouted.PhoneNumberId, inbound.ContextWamid, null, cancellationToken);
        if ((match.Session ?? (match.Candidates.Count == 0 ? await sessions.ReopenIdleOnPoolAsync(db, provider, unrouted.PhoneNumberId, cancellationToken) : null)) is { } session)
        {
            var message = await forwarder.FromProviderAsync(db, session, provider, inbound, changes, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            changes.Add(new MessageAdded(session.TicketId, message.Id, NewTicket: false));
            unrouted.HandledAt = now;
        }
        else if (match.Candidates.Count == 0)
        {
            await delivery.SendTextAsync(db, unrouted.PhoneNumberId, sender, RelayNotices.NoOpenJob, null, null, cancellationToken);
            unrouted.HandledAt = now;
        }
        else
        {
            // Held (HandledAt stays empty) until the provider picks the job: never a guess.
            await AskWhichJobAsync(db, unrouted, sender, match.Candidates, cancellationToken);
        }
    }

    public string HelpText()
    {
        var lines = handlers.SelectMany(h => h.HelpLines).Append(HelpLine);
        return "Commands you can send here:\n" + string.Join("\n", lines) + "\nAnything else is passed on to your customer.";
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

    private async Task RelayPickedAsync(InboxDbContext db, Provider provider, UnroutedMessage pick, Recipient sender, string replyId, List<InboxChange> changes, CancellationToken cancellationToken)
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
        var message = await forwarder.FromProviderAsync(db, session, provider, inbound, changes, cancellationToken);
        held.HandledAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        changes.Add(new MessageAdded(session.TicketId, message.Id, NewTicket: false));
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

internal sealed record OpenSession(RelaySession Session, Provider Provider);
