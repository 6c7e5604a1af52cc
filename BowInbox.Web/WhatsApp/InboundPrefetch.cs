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
/// What the group's messages need, read for the whole group at once (a few reads for the group instead of five for
/// each message). A customer's message on the central number: the sender's window and contact, their open tickets,
/// those tickets' open relay sessions with their providers, and the providers' windows on the pool numbers. A
/// provider's reply on a pool number: the sender's window there, the provider, their open sessions, the tickets (with
/// customers) of the sessions on that number, and the customers' windows on the central number.
/// Everything is tracked and marked loaded (<see cref="InboxDbContext.MarkLoaded"/>), found or not, so the
/// per-message lookups answer from the change tracker.
/// </summary>
internal static class InboundPrefetch
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

    public static string WindowKey(string phoneNumberId, string waIdHash) => $"window:{phoneNumberId}:{waIdHash}";

    public static string ContactKey(string waIdHash) => $"contact:{waIdHash}";

    public static string OpenTicketsKey(int contactId) => $"open-tickets:{contactId}";

    public static string OpenSessionKey(int ticketId) => $"open-session:{ticketId}";

    public static string ProviderKey(string waIdHash) => $"provider:{waIdHash}";

    public static string ProviderSessionsKey(int providerId) => $"provider-sessions:{providerId}";

    public static async Task LoadAsync(
        InboxDbContext db, IEnumerable<InboundMessage> messages, IReadOnlyDictionary<string, NumberPurpose> ourNumbers, INumberProtector numbers, CancellationToken cancellationToken)
    {
        var senders = messages
            .Where(m => ourNumbers.ContainsKey(m.PhoneNumberId))
            .Select(m => (m.PhoneNumberId, Hash: numbers.Hash(m.From)))
            .Distinct()
            .ToList();
        if (senders.Count == 0)
        {
            return;
        }

        // The senders' own windows first; then each side's counterparts, whose windows are read together at the end.
        await LoadWindowsAsync(db, senders, cancellationToken);
        var customers = senders.Where(s => ourNumbers[s.PhoneNumberId] == NumberPurpose.Central).Select(s => s.Hash).Distinct().ToList();
        var providers = senders.Where(s => ourNumbers[s.PhoneNumberId] == NumberPurpose.ProviderPool).ToList();
        var centralNumbers = ourNumbers.Where(n => n.Value == NumberPurpose.Central).Select(n => n.Key).ToList();
        var counterparts = new List<(string PhoneNumberId, string Hash)>();
        if (customers.Count > 0)
        {
            counterparts.AddRange(await LoadCustomersAsync(db, customers, cancellationToken));
        }

        if (providers.Count > 0)
        {
            counterparts.AddRange(await LoadProvidersAsync(db, providers, centralNumbers, cancellationToken));
        }

        await LoadWindowsAsync(db, counterparts.Distinct().ToList(), cancellationToken);
    }

    /// <summary>Customers on the central number: contacts, open tickets, those tickets' sessions with providers. Returns the providers' windows to read.</summary>
    private static async Task<IEnumerable<(string PhoneNumberId, string Hash)>> LoadCustomersAsync(InboxDbContext db, List<string> hashes, CancellationToken cancellationToken)
    {
        var contacts = await ContactsOf.For(db)(db, hashes).ToListAsync(cancellationToken);
        hashes.ForEach(h => db.MarkLoaded(ContactKey(h)));
        var contactIds = contacts.Select(c => c.Id).ToList();
        if (contactIds.Count == 0)
        {
            return [];
        }

        var tickets = await OpenTicketsOf.For(db)(db, contactIds).ToListAsync(cancellationToken);
        contactIds.ForEach(id => db.MarkLoaded(OpenTicketsKey(id)));
        var ticketIds = tickets.Select(t => t.Id).ToList();
        if (ticketIds.Count == 0)
        {
            return [];
        }

        var sessions = await OpenSessionsOf.For(db)(db, ticketIds).ToListAsync(cancellationToken);
        ticketIds.ForEach(id => db.MarkLoaded(OpenSessionKey(id)));
        return sessions.Where(s => s.Provider.WaIdHash is not null).Select(s => (s.Session.PoolPhoneNumberId, s.Provider.WaIdHash!));
    }

    /// <summary>
    /// Providers on pool numbers: the providers, all their open sessions, and the tickets (with customers) of the sessions on
    /// the numbers they wrote to. Returns those customers' windows on the central number(s) to read.
    /// </summary>
    private static async Task<IEnumerable<(string PhoneNumberId, string Hash)>> LoadProvidersAsync(
        InboxDbContext db, List<(string PhoneNumberId, string Hash)> senders, List<string> centralNumbers, CancellationToken cancellationToken)
    {
        var hashes = senders.Select(s => s.Hash).Distinct().ToList();
        var providers = await ProvidersOf.For(db)(db, hashes).ToListAsync(cancellationToken);
        hashes.ForEach(h => db.MarkLoaded(ProviderKey(h)));
        var providerIds = providers.Select(p => p.Id).ToList();
        if (providerIds.Count == 0)
        {
            return [];
        }

        var sessions = await ProviderSessionsOf.For(db)(db, providerIds).ToListAsync(cancellationToken);
        providerIds.ForEach(id => db.MarkLoaded(ProviderSessionsKey(id)));
        var idOf = providers.ToDictionary(p => p.WaIdHash!, p => p.Id);
        var wroteTo = senders.Where(s => idOf.ContainsKey(s.Hash)).Select(s => (s.PhoneNumberId, idOf[s.Hash])).ToHashSet();
        var ticketIds = sessions.Where(s => wroteTo.Contains((s.PoolPhoneNumberId, s.ProviderId))).Select(s => s.TicketId).Distinct().ToList();
        if (ticketIds.Count == 0)
        {
            return [];
        }

        var tickets = await TicketsWithContactsOf.For(db)(db, ticketIds).ToListAsync(cancellationToken);
        return tickets.SelectMany(t => centralNumbers.Select(central => (central, t.Contact!.WaIdHash)));
    }

    private static async Task LoadWindowsAsync(InboxDbContext db, List<(string PhoneNumberId, string Hash)> pairs, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        // Numbers and hashes are matched separately (a superset of the pairs): a few extra rows, one simple read.
        var phoneNumberIds = pairs.Select(p => p.PhoneNumberId).Distinct().ToList();
        var hashes = pairs.Select(p => p.Hash).Distinct().ToList();
        await foreach (var _ in WindowsOf.For(db)(db, phoneNumberIds, hashes).WithCancellation(cancellationToken))
        {
            // Loading is the point: the windows are tracked now.
        }

        pairs.ForEach(p => db.MarkLoaded(WindowKey(p.PhoneNumberId, p.Hash)));
    }
}

internal sealed record SessionAndProvider(RelaySession Session, Provider Provider);
