using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;

namespace BowInbox.Web.Inbox;

/// <summary>Whose conversation a message belongs to: the thread's Customer / Technician switch filters on it.</summary>
[Flags]
public enum ThreadSides
{
    /// <summary>Staff-only: internal notes and system events, shown under "All" only.</summary>
    None = 0,
    Customer = 1,
    Technician = 2,
}

/// <summary>The thread's switch: every message, or only the conversation with the customer or with the technician.</summary>
public enum ThreadFilter
{
    All = 0,
    Customer = 1,
    Technician = 2,
}

/// <summary>
/// Who sent a message to whom, as staff read it ("Ivy → Beatriz (customer)", "Ana (technician) → Beatriz, relayed",
/// "BowInbox → Tom (technician)"). Names are aliases and first names only, never a number.
/// <paramref name="Colour"/> is the side whose colour the bubble takes; <paramref name="Automatic"/>: written by
/// BowInbox itself (acknowledgements, briefings, offers), shown as a small event line.
/// </summary>
public sealed record MessageParties(string Sender, string Recipient, ThreadSides Sides, ThreadSides Colour, bool Automatic)
{
    /// <summary>Written by the reader's own side (staff in the inbox, the technician in his queue): shown on the right.</summary>
    public bool Own { get; init; }

    public string Label => Recipient.Length == 0 ? Sender : $"{Sender} → {Recipient}";
}

/// <summary>A technician reachable on a ticket through one pool number from <paramref name="From"/> (an offer or a relay session) until <paramref name="Until"/>.</summary>
public sealed record TechnicianSpan(string? PoolPhoneNumberId, string Name, DateTime From, DateTime? Until, bool Relaying);

/// <summary>What a stored message says about its parties; the query fills it from the message row.</summary>
public sealed record MessageFacts(MessageDirection Direction, string AuthorName, bool ByStaff, string? PhoneNumberId, DateTime CreatedAt, bool Held);

/// <summary>Works out each message's sender and recipient from the ticket's customer and the technicians it was offered to or relayed with.</summary>
public sealed class ThreadParties(string customerName, IReadOnlyList<TechnicianSpan> technicians)
{
    /// <summary>The name BowInbox's own messages go under.</summary>
    public const string SystemName = Routing.CustomerNotices.AuthorName;

    /// <summary>The first name of a person's display name, or <paramref name="fallback"/> when it is not a plain name (a number, an address).</summary>
    public static string SafeName(string? name, string fallback) => PersonName.FirstName(name) ?? fallback;

    public MessageParties Of(MessageFacts m)
    {
        var customer = $"{customerName} (customer)";
        var automatic = !m.ByStaff && m.Direction is MessageDirection.ToCustomer or MessageDirection.ToProvider or MessageDirection.System or MessageDirection.InternalNote;
        var author = automatic ? SystemName : SafeName(m.AuthorName, "Staff");
        switch (m.Direction)
        {
            case MessageDirection.FromCustomer:
                var relay = m.Held ? null : RelayingAt(m.CreatedAt);
                return relay is null
                    ? new MessageParties(customer, m.Held ? "team, held" : "team", ThreadSides.Customer, ThreadSides.Customer, false)
                    : new MessageParties(customer, $"{relay.Name} (technician), relayed", ThreadSides.Customer | ThreadSides.Technician, ThreadSides.Customer, false);
            case MessageDirection.FromProvider:
                return new MessageParties($"{SafeName(m.AuthorName, "Technician")} (technician)", $"{customerName}{(m.Held ? ", held" : ", relayed")}",
                    m.Held ? ThreadSides.Technician : ThreadSides.Technician | ThreadSides.Customer, ThreadSides.Technician, false);
            case MessageDirection.ToCustomer:
                return new MessageParties(author, customer, ThreadSides.Customer, ThreadSides.Customer, automatic) { Own = true };
            case MessageDirection.ToProvider:
                var to = ReachedThrough(m.PhoneNumberId, m.CreatedAt);
                return new MessageParties(author, to is null ? "technician" : $"{to.Name} (technician)", ThreadSides.Technician, ThreadSides.Technician, automatic) { Own = true };
            case MessageDirection.InternalNote:
                return new MessageParties(author, "", ThreadSides.None, ThreadSides.None, automatic);
            default:
                return new MessageParties(SystemName, "", ThreadSides.None, ThreadSides.None, true);
        }
    }

    /// <summary>
    /// The parties as the technician reads his own job (<c>/queue/{id}</c>): he is "you", the customer goes by first
    /// name or alias, staff by first name; what BowInbox sent by itself is an event line.
    /// </summary>
    public static MessageParties ForTechnician(MessageDirection direction, string authorName, bool byStaff, string customerName)
    {
        var customer = $"{customerName} (customer)";
        var staff = byStaff ? SafeName(authorName, "Staff") : SystemName;
        return direction switch
        {
            MessageDirection.FromCustomer => new MessageParties(customer, "you, relayed", ThreadSides.Customer | ThreadSides.Technician, ThreadSides.Customer, false),
            MessageDirection.FromProvider => new MessageParties("You", $"{customerName}, relayed", ThreadSides.Customer | ThreadSides.Technician, ThreadSides.Technician, false) { Own = true },
            MessageDirection.ToCustomer => new MessageParties(staff, customer, ThreadSides.Customer, ThreadSides.Customer, !byStaff),
            _ => new MessageParties(staff, "you", ThreadSides.Technician, ThreadSides.Technician, !byStaff),
        };
    }

    /// <summary>The parties as far as the message alone tells them, for a thread read without its ticket's context.</summary>
    public static MessageParties Fallback(ThreadMessage m)
        => new ThreadParties("Customer", []).Of(new MessageFacts(m.Direction, m.AuthorName, true, null, m.CreatedAt, false));

    // Stored times of inbound messages are WhatsApp's whole seconds, and a notice is stamped in the same instant its offer or session starts.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    // A customer's message carries WhatsApp's whole-second time, so a session that opened within that second may have
    // relayed it (a message that reopens an idle relay is passed on by the session it opens).
    private TechnicianSpan? RelayingAt(DateTime at)
        => technicians.Where(t => t.Relaying && t.From <= at + Slack && (t.Until is null || at <= t.Until)).MaxBy(t => t.From);

    private TechnicianSpan? ReachedThrough(string? poolNumber, DateTime at)
        => technicians.Where(t => (poolNumber is null || t.PoolPhoneNumberId == poolNumber) && t.From <= at + Slack).MaxBy(t => t.From);
}
