using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// What a customer's message on the central number needs, read for a whole group of messages at once (a few
/// reads for the group instead of five for each message): the senders' windows and contacts, their open tickets,
/// those tickets' open relay sessions with their providers, and the providers' windows on the pool numbers.
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
            select new SessionAndProvider(s, p)));

    public static string WindowKey(string phoneNumberId, string waIdHash) => $"window:{phoneNumberId}:{waIdHash}";

    public static string ContactKey(string waIdHash) => $"contact:{waIdHash}";

    public static string OpenTicketsKey(int contactId) => $"open-tickets:{contactId}";

    public static string OpenSessionKey(int ticketId) => $"open-session:{ticketId}";

    public static async Task LoadAsync(
        InboxDbContext db, IEnumerable<InboundMessage> messages, IReadOnlyDictionary<string, NumberPurpose> ourNumbers, INumberProtector numbers, CancellationToken cancellationToken)
    {
        var senders = messages
            .Where(m => ourNumbers.TryGetValue(m.PhoneNumberId, out var purpose) && purpose == NumberPurpose.Central)
            .Select(m => (m.PhoneNumberId, Hash: numbers.Hash(m.From)))
            .Distinct()
            .ToList();
        if (senders.Count == 0)
        {
            return;
        }

        var hashes = senders.Select(s => s.Hash).Distinct().ToList();
        await LoadWindowsAsync(db, senders, cancellationToken);

        var contacts = await ContactsOf.For(db)(db, hashes).ToListAsync(cancellationToken);
        hashes.ForEach(h => db.MarkLoaded(ContactKey(h)));
        var contactIds = contacts.Select(c => c.Id).ToList();
        if (contactIds.Count == 0)
        {
            return;
        }

        var tickets = await OpenTicketsOf.For(db)(db, contactIds).ToListAsync(cancellationToken);
        contactIds.ForEach(id => db.MarkLoaded(OpenTicketsKey(id)));
        var ticketIds = tickets.Select(t => t.Id).ToList();
        if (ticketIds.Count == 0)
        {
            return;
        }

        var sessions = await OpenSessionsOf.For(db)(db, ticketIds).ToListAsync(cancellationToken);
        ticketIds.ForEach(id => db.MarkLoaded(OpenSessionKey(id)));
        var poolWindows = sessions.Where(s => s.Provider.WaIdHash is not null).Select(s => (s.Session.PoolPhoneNumberId, s.Provider.WaIdHash!)).Distinct().ToList();
        await LoadWindowsAsync(db, poolWindows, cancellationToken);
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
