using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Reading what a group's messages need, for the whole group at once (a few reads for the group instead of five for
/// each message). A customer's message on the central number: the sender's window and contact, their open tickets,
/// those tickets' open relay sessions with their providers, and the providers' windows on the pool numbers. A
/// provider's reply on a pool number: the sender's window there, the provider, their open sessions, the tickets (with
/// customers) of the sessions on that number, and the customers' windows on the central number.
/// </summary>
public sealed partial class InboundGroup
{
    // Compiled: these run for every group of events, and a compiled query skips re-reading its LINQ each time.
    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, List<string>, IAsyncEnumerable<ConversationWindow>>> WindowsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> phoneNumberIds, List<string> hashes) => db.ConversationWindows.Where(w => phoneNumberIds.Contains(w.PhoneNumberId) && hashes.Contains(w.WaIdHash))));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, IAsyncEnumerable<Contact>>> ContactsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> hashes) => db.Contacts.Where(c => hashes.Contains(c.WaIdHash))));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<int>, IAsyncEnumerable<Ticket>>> OpenTicketsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<int> contactIds) => db.Tickets.Where(t => contactIds.Contains(t.ContactId) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<int>, IAsyncEnumerable<SessionAndProvider>>> OpenSessionsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<int> ticketIds) =>
            from s in db.RelaySessions
            join p in db.Providers on s.ProviderId equals p.Id
            where ticketIds.Contains(s.TicketId) && s.ClosedAt == null
                && db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != UserStanding.DeactivatedUntil // UserStanding.ActiveProviders, inline
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == UserStanding.TechnicianRole)))
            select new SessionAndProvider(s, p)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, IAsyncEnumerable<Provider>>> ProvidersOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> hashes) => db.Providers.Where(p => hashes.Contains(p.WaIdHash!)
            && db.Users.Any(u => u.Id == p.UserId && u.LockoutEnd != UserStanding.DeactivatedUntil // UserStanding.ActiveProviders, inline
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == UserStanding.TechnicianRole))))));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<int>, IAsyncEnumerable<RelaySession>>> ProviderSessionsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<int> providerIds) => db.RelaySessions.Where(s => providerIds.Contains(s.ProviderId) && s.ClosedAt == null)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<int>, IAsyncEnumerable<Ticket>>> TicketsWithContactsOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<int> ticketIds) => db.Tickets.Include(t => t.Contact).Where(t => ticketIds.Contains(t.Id))));

    /// <summary>Reads, for the group's new messages, everything their handlers look up (found or known absent).</summary>
    internal static async Task<InboundGroup> LoadAsync(
        InboxDbContext db, IEnumerable<InboundMessage> messages, IReadOnlyList<ProxyNumber> proxyNumbers, INumberProtector numbers, CancellationToken cancellationToken)
    {
        var group = new InboundGroup();
        var ourNumbers = proxyNumbers.ToDictionary(n => n.PhoneNumberId, n => n.Purpose);
        var senders = messages
            .Where(m => ourNumbers.ContainsKey(m.PhoneNumberId))
            .Select(m => (m.PhoneNumberId, Hash: numbers.Hash(m.From)))
            .Distinct()
            .ToList();
        if (senders.Count == 0)
        {
            return group;
        }

        // The senders' own windows first; then each side's counterparts, whose windows are read together at the end.
        await group.LoadWindowsAsync(db, senders, cancellationToken);
        var customers = senders.Where(s => ourNumbers[s.PhoneNumberId] == NumberPurpose.Central).Select(s => s.Hash).Distinct().ToList();
        var providers = senders.Where(s => ourNumbers[s.PhoneNumberId] == NumberPurpose.ProviderPool).ToList();
        var centralNumbers = ourNumbers.Where(n => n.Value == NumberPurpose.Central).Select(n => n.Key).ToList();
        var counterparts = new List<(string PhoneNumberId, string Hash)>();
        if (customers.Count > 0)
        {
            counterparts.AddRange(await group.LoadCustomersAsync(db, customers, cancellationToken));
        }

        if (providers.Count > 0)
        {
            counterparts.AddRange(await group.LoadProvidersAsync(db, providers, centralNumbers, cancellationToken));
        }

        await group.LoadWindowsAsync(db, counterparts.Distinct().ToList(), cancellationToken);
        return group;
    }

    /// <summary>Customers on the central number: contacts, open tickets, those tickets' sessions with providers. Returns the providers' windows to read.</summary>
    private async Task<IEnumerable<(string PhoneNumberId, string Hash)>> LoadCustomersAsync(InboxDbContext db, List<string> hashes, CancellationToken cancellationToken)
    {
        var contacts = await ContactsOf.For(db)(db, hashes).ToListAsync(cancellationToken);
        var byHash = contacts.ToDictionary(c => c.WaIdHash, StringComparer.Ordinal);
        hashes.ForEach(h => Contact(h, byHash.GetValueOrDefault(h)));
        var contactIds = contacts.Select(c => c.Id).ToList();
        if (contactIds.Count == 0)
        {
            return [];
        }

        var tickets = await OpenTicketsOf.For(db)(db, contactIds).ToListAsync(cancellationToken);
        contactIds.ForEach(id => OpenTickets(id, tickets.Where(t => t.ContactId == id)));
        var ticketIds = tickets.Select(t => t.Id).ToList();
        if (ticketIds.Count == 0)
        {
            return [];
        }

        var sessions = await OpenSessionsOf.For(db)(db, ticketIds).ToListAsync(cancellationToken);
        SessionsOfTickets(ticketIds, sessions.Select(s => s.Session));
        sessions.ForEach(s => ProviderOfSession(s.Provider));
        return sessions.Where(s => s.Provider.WaIdHash is not null).Select(s => (s.Session.PoolPhoneNumberId, s.Provider.WaIdHash!));
    }

    /// <summary>
    /// Providers on pool numbers: the providers, all their open sessions, and the tickets (with customers) of the sessions on
    /// the numbers they wrote to. Returns those customers' windows on the central number(s) to read.
    /// </summary>
    private async Task<IEnumerable<(string PhoneNumberId, string Hash)>> LoadProvidersAsync(
        InboxDbContext db, List<(string PhoneNumberId, string Hash)> senders, List<string> centralNumbers, CancellationToken cancellationToken)
    {
        var hashes = senders.Select(s => s.Hash).Distinct().ToList();
        var providers = await ProvidersOf.For(db)(db, hashes).ToListAsync(cancellationToken);
        var byHash = providers.ToDictionary(p => p.WaIdHash!, StringComparer.Ordinal);
        hashes.ForEach(h => Provider(h, byHash.GetValueOrDefault(h)));
        var providerIds = providers.Select(p => p.Id).ToList();
        if (providerIds.Count == 0)
        {
            return [];
        }

        var sessions = await ProviderSessionsOf.For(db)(db, providerIds).ToListAsync(cancellationToken);
        SessionsOfProviders(providerIds, sessions);
        var idOf = providers.ToDictionary(p => p.WaIdHash!, p => p.Id);
        var wroteTo = senders.Where(s => idOf.ContainsKey(s.Hash)).Select(s => (s.PhoneNumberId, idOf[s.Hash])).ToHashSet();
        var ticketIds = sessions.Where(s => wroteTo.Contains((s.PoolPhoneNumberId, s.ProviderId))).Select(s => s.TicketId).Distinct().ToList();
        if (ticketIds.Count == 0)
        {
            return [];
        }

        var tickets = await TicketsWithContactsOf.For(db)(db, ticketIds).ToListAsync(cancellationToken);
        tickets.ForEach(Ticket);
        return tickets.SelectMany(t => centralNumbers.Select(central => (central, t.Contact!.WaIdHash)));
    }

    private async Task LoadWindowsAsync(InboxDbContext db, List<(string PhoneNumberId, string Hash)> pairs, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        // Numbers and hashes are matched separately (a superset of the pairs): a few extra rows, one simple read.
        var phoneNumberIds = pairs.Select(p => p.PhoneNumberId).Distinct().ToList();
        var hashes = pairs.Select(p => p.Hash).Distinct().ToList();
        await foreach (var window in WindowsOf.For(db)(db, phoneNumberIds, hashes).WithCancellation(cancellationToken))
        {
            windows.TryAdd((window.PhoneNumberId, window.WaIdHash), window);
        }

        pairs.ForEach(p => windows.TryAdd(p, null));
    }
}

internal sealed record SessionAndProvider(RelaySession Session, Provider Provider);
