using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Relay;

/// <summary>Opens and closes relay sessions in the caller's unit of work, and allocates pool numbers.</summary>
public sealed class RelaySessionStore(RelayDelivery delivery, BowInbox.Web.Languages.CustomerLanguages languages, TimeProvider time) : IRelaySessions
{
    public const string ReopenedEvent = "relay-reopened";

    public async Task<string?> AllocatePoolNumberAsync(InboxDbContext db, int providerId, CancellationToken cancellationToken)
    {
        var (pool, inUse) = await PoolUsageAsync(db, providerId, cancellationToken);
        return PoolAllocation.FreeNumber(pool, inUse);
    }

    /// <summary>A free pool number, or when all are in use the least loaded one (the reply-quote and the job list then tell sessions apart).</summary>
    public async Task<string?> ChoosePoolNumberAsync(InboxDbContext db, int providerId, CancellationToken cancellationToken)
    {
        var (pool, inUse) = await PoolUsageAsync(db, providerId, cancellationToken);
        return PoolAllocation.FreeNumber(pool, inUse) ?? PoolAllocation.LeastLoadedNumber(pool, inUse);
    }

    public async Task<RelaySession> OpenAsync(InboxDbContext db, Ticket ticket, Provider provider, string poolPhoneNumberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var contact = ticket.Contact ?? await db.Contacts.SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        await CloseAsync(db, ticket.Id, "reassigned", cancellationToken);

        ticket.ProviderId = provider.Id;
        ticket.Provider = provider;
        var from = ticket.Status;
        var moved = ticket.TryMoveTo(TicketStatus.Assigned);
        ticket.LastActivityAt = now;
        var session = Add(db, ticket.Id, contact.Id, provider.Id, poolPhoneNumberId, now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id,
            At = now,
            Kind = "relay-opened",
            Detail = $"Assigned to {provider.DisplayName}; relay opened on a pool number" + (moved ? $" (status {from} → {TicketStatus.Assigned})" : ""),
        });

        if (RelayDelivery.RecipientOf(provider) is { } providerRecipient)
        {
            var briefing = await delivery.StoreNoticeAsync(db, ticket.Id, MessageDirection.ToProvider, poolPhoneNumberId, RelayNotices.Briefing(ticket, contact), cancellationToken);
            await delivery.SendTextAsync(db, poolPhoneNumberId, providerRecipient, briefing.Text!, RelayNotices.BriefingTemplatePayload(ticket, contact), briefing.Id, cancellationToken);
        }

        if (await RelayDelivery.CentralAsync(db, cancellationToken) is { } central)
        {
            var language = await languages.OfAsync(db, ticket, cancellationToken);
            var role = languages.Role(language, ticket.ServiceType);
            var text = RelayNotices.WhoIsComing(languages.Texts, language, ticket, contact, provider, role);
            var notice = await delivery.StoreNoticeAsync(db, ticket.Id, MessageDirection.ToCustomer, central.PhoneNumberId, text, cancellationToken);
            await delivery.SendTextAsync(db, central.PhoneNumberId, RelayDelivery.RecipientOf(contact), text, RelayNotices.WhoIsComingTemplatePayload(language, ticket, contact, provider, role), notice.Id, cancellationToken);
            ticket.ShowLatest(text);
        }

        return session;
    }

    /// <summary>
    /// A new session for a ticket still Assigned whose relay was closed for being idle, with the same provider; null
    /// when the ticket is not in that state or the provider cannot be reached on WhatsApp. Nobody is briefed again:
    /// the message that reopens it carries the job number. Caller saves.
    /// </summary>
    public async Task<RelaySession?> ReopenIdleAsync(InboxDbContext db, Ticket ticket, string why, CancellationToken cancellationToken)
    {
        if (ticket is not { Status: TicketStatus.Assigned, ProviderId: { } providerId }
            || await db.RelaySessions.AnyAsync(s => s.TicketId == ticket.Id && s.ClosedAt == null, cancellationToken))
        {
            return null;
        }

        // Never reopened to a provider whose user was deactivated or is no longer a Technician.
        var provider = await db.ActiveProviders().AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (provider is null || RelayDelivery.RecipientOf(provider) is null || await ChoosePoolNumberAsync(db, providerId, cancellationToken) is not { } pool)
        {
            return null;
        }

        return Reopen(db, ticket, provider, pool, why);
    }

    /// <summary>
    /// A provider writes on a pool number where they have no open session. If exactly one of their jobs, still
    /// Assigned to them with no open relay, had its relay on this number closed for being idle, that relay reopens
    /// here and the message goes on. Null otherwise: with several such jobs picking one would be a guess.
    /// </summary>
    public async Task<RelaySession?> ReopenIdleOnPoolAsync(InboxDbContext db, Provider provider, string poolPhoneNumberId, CancellationToken cancellationToken)
    {
        var jobs = await db.RelaySessions.AsNoTracking()
            .Where(s => s.ProviderId == provider.Id && s.PoolPhoneNumberId == poolPhoneNumberId && s.ClosedAt != null
                && s.CloseReason != null && s.CloseReason.StartsWith(RelayIdleCloseJob.ReasonPrefix)
                && db.Tickets.Any(t => t.Id == s.TicketId && t.Status == TicketStatus.Assigned && t.ProviderId == provider.Id)
                && !db.RelaySessions.Any(o => o.TicketId == s.TicketId && o.ClosedAt == null))
            .Select(s => s.TicketId).Distinct().Take(2).ToListAsync(cancellationToken);
        if (jobs.Count != 1 || RelayDelivery.RecipientOf(provider) is null)
        {
            return null;
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == jobs[0], cancellationToken);
        return Reopen(db, ticket, provider, poolPhoneNumberId, $"{provider.FirstName} wrote on WhatsApp");
    }

    private RelaySession Reopen(InboxDbContext db, Ticket ticket, Provider provider, string pool, string why)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = Add(db, ticket.Id, ticket.ContactId, provider.Id, pool, now);
        ticket.LastActivityAt = now;
        db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = ReopenedEvent, Detail = $"Relay reopened with {provider.DisplayName} on a pool number: {why}" });
        return session;
    }

    public async Task CloseAsync(InboxDbContext db, int ticketId, string reason, CancellationToken cancellationToken)
    {
        var open = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ClosedAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var session in open.Where(s => s.ClosedAt is null))
        {
            session.ClosedAt = now;
            session.CloseReason = reason.Length <= 200 ? reason : reason[..200];
            db.TicketEvents.Add(new TicketEvent { TicketId = ticketId, At = now, Kind = "relay-closed", Detail = $"Relay closed: {session.CloseReason}" });

            // Tell the provider while their window is open; a closed window means they have gone quiet anyway.
            var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.ProviderId, cancellationToken);
            if (provider is not null && RelayDelivery.RecipientOf(provider) is { } recipient)
            {
                await delivery.SendTextAsync(db, session.PoolPhoneNumberId, recipient, RelayNotices.SessionClosed(ticketId, session.CloseReason), null, null, cancellationToken);
            }
        }
    }

    private static RelaySession Add(InboxDbContext db, int ticketId, int contactId, int providerId, string poolPhoneNumberId, DateTime now)
    {
        var session = new RelaySession
        {
            TicketId = ticketId,
            ContactId = contactId,
            ProviderId = providerId,
            PoolPhoneNumberId = poolPhoneNumberId,
            OpenedAt = now,
            LastActivityAt = now,
        };
        db.RelaySessions.Add(session);
        return session;
    }

    private static async Task<(List<string> Pool, List<string> InUse)> PoolUsageAsync(InboxDbContext db, int providerId, CancellationToken cancellationToken)
    {
        var pool = await db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.ProviderPool && n.Active)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).ToListAsync(cancellationToken);
        var inUse = await db.RelaySessions.AsNoTracking().Where(s => s.ProviderId == providerId && s.ClosedAt == null)
            .Select(s => s.PoolPhoneNumberId).ToListAsync(cancellationToken);
        return (pool, inUse);
    }
}
