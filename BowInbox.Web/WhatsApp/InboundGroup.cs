using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// What one group of inbound events needs, read once for the whole group (<see cref="LoadAsync"/>) and passed to the
/// handlers: the senders' and their counterparts' conversation windows, customers' contacts and open tickets, those
/// tickets' open relay sessions, and providers with their open sessions. Each lookup answers
/// "known" (found or known absent, no query needed) or "not known" (the caller reads the database). The entities are
/// the ones the group's unit of work tracks, so changes made while handling (a ticket resolved, a session closed) are
/// seen: lookups test open/closed on the current values. Rows the handlers add (a window, a contact, a ticket, a
/// reopened session) are added here too, so the group's next message finds them.
/// </summary>
public sealed partial class InboundGroup
{
    private readonly Dictionary<(string PhoneNumberId, string Hash), ConversationWindow?> windows = [];
    private readonly Dictionary<string, Contact?> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Ticket>> ticketsOfContact = [];
    private readonly Dictionary<int, List<RelaySession>> sessionsOfTicket = [];
    private readonly Dictionary<string, Provider?> providers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<RelaySession>> sessionsOfProvider = [];
    private readonly Dictionary<int, Provider> providersById = [];
    private readonly Dictionary<int, Ticket> ticketsById = [];

    /// <summary>A group that knows nothing: every lookup says "not known" and the caller reads the database.</summary>
    public static InboundGroup Unknown() => new();

    public bool TryWindow(string phoneNumberId, string waIdHash, out ConversationWindow? window)
        => windows.TryGetValue((phoneNumberId, waIdHash), out window);

    public void Window(string phoneNumberId, string waIdHash, ConversationWindow? window) => windows[(phoneNumberId, waIdHash)] = window;

    public bool TryContact(string waIdHash, out Contact? contact) => contacts.TryGetValue(waIdHash, out contact);

    public void Contact(string waIdHash, Contact? contact) => contacts[waIdHash] = contact;

    /// <summary>The contact's latest open ticket, when the group knows all of the contact's open tickets.</summary>
    public bool TryOpenTicket(int contactId, out Ticket? ticket)
    {
        ticket = null;
        if (!ticketsOfContact.TryGetValue(contactId, out var tickets))
        {
            return false;
        }

        ticket = tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed).MaxBy(t => t.Id);
        return true;
    }

    /// <summary>The contact's open tickets are now known to be these (say, none before a new one was added).</summary>
    public void OpenTickets(int contactId, IEnumerable<Ticket> tickets)
    {
        var list = tickets.ToList();
        ticketsOfContact[contactId] = list;
        list.ForEach(Ticket);
    }

    /// <summary>A ticket the group has read (with its contact when the read included it).</summary>
    public void Ticket(Ticket ticket) => ticketsById[ticket.Id] = ticket;

    public Ticket? TicketById(int ticketId) => ticketsById.GetValueOrDefault(ticketId);

    /// <summary>The ticket's latest open session, when the group knows the ticket's open sessions.</summary>
    public bool TryOpenSession(int ticketId, out RelaySession? session)
    {
        session = null;
        if (!sessionsOfTicket.TryGetValue(ticketId, out var sessions))
        {
            return false;
        }

        session = sessions.Where(s => s.ClosedAt == null).MaxBy(s => s.Id);
        return true;
    }

    public bool TryProvider(string waIdHash, out Provider? provider) => providers.TryGetValue(waIdHash, out provider);

    public void Provider(string waIdHash, Provider? provider)
    {
        providers[waIdHash] = provider;
        if (provider is not null)
        {
            providersById[provider.Id] = provider;
        }
    }

    /// <summary>A provider the group has read (say, with a session of a customer's ticket).</summary>
    public void ProviderOfSession(Provider provider) => providersById[provider.Id] = provider;

    public Provider? ProviderById(int providerId) => providersById.GetValueOrDefault(providerId);

    /// <summary>The provider's open sessions on the pool number (oldest first), when the group knows all of the provider's open sessions.</summary>
    public bool TryOpenSessions(int providerId, string poolPhoneNumberId, out List<RelaySession> open)
    {
        open = [];
        if (!sessionsOfProvider.TryGetValue(providerId, out var sessions))
        {
            return false;
        }

        open = sessions.Where(s => s.PoolPhoneNumberId == poolPhoneNumberId && s.ClosedAt == null).OrderBy(s => s.Id).ToList();
        return true;
    }

    /// <summary>Every open session of these tickets is now known (those given, none for the others).</summary>
    public void SessionsOfTickets(IEnumerable<int> ticketIds, IEnumerable<RelaySession> sessions)
    {
        foreach (var id in ticketIds)
        {
            sessionsOfTicket.TryAdd(id, []);
        }

        foreach (var session in sessions)
        {
            sessionsOfTicket[session.TicketId].Add(session);
        }
    }

    /// <summary>Every open session of these providers is now known (those given, none for the others).</summary>
    public void SessionsOfProviders(IEnumerable<int> providerIds, IEnumerable<RelaySession> sessions)
    {
        foreach (var id in providerIds)
        {
            sessionsOfProvider.TryAdd(id, []);
        }

        foreach (var session in sessions)
        {
            sessionsOfProvider[session.ProviderId].Add(session);
        }
    }

    /// <summary>A session opened while handling the group: the lists that are known include it from now on.</summary>
    public void Opened(RelaySession session)
    {
        if (sessionsOfTicket.TryGetValue(session.TicketId, out var ofTicket))
        {
            ofTicket.Add(session);
        }

        if (sessionsOfProvider.TryGetValue(session.ProviderId, out var ofProvider))
        {
            ofProvider.Add(session);
        }
    }
}
