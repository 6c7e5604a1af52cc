using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
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

        var contacts = await db.Contacts.Where(c => hashes.Contains(c.WaIdHash)).ToListAsync(cancellationToken);
        hashes.ForEach(h => db.MarkLoaded(ContactKey(h)));
        var contactIds = contacts.Select(c => c.Id).ToList();
        if (contactIds.Count == 0)
        {
            return;
        }

        var tickets = await db.Tickets
            .Where(t => contactIds.Contains(t.ContactId) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .ToListAsync(cancellationToken);
        contactIds.ForEach(id => db.MarkLoaded(OpenTicketsKey(id)));
        var ticketIds = tickets.Select(t => t.Id).ToList();
        if (ticketIds.Count == 0)
        {
            return;
        }

        var sessions = await (
            from s in db.RelaySessions
            join p in db.Providers on s.ProviderId equals p.Id
            where ticketIds.Contains(s.TicketId) && s.ClosedAt == null
            select new { Session = s, Provider = p }).ToListAsync(cancellationToken);
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
        await db.ConversationWindows.Where(w => phoneNumberIds.Contains(w.PhoneNumberId) && hashes.Contains(w.WaIdHash)).LoadAsync(cancellationToken);
        pairs.ForEach(p => db.MarkLoaded(WindowKey(p.PhoneNumberId, p.Hash)));
    }
}
