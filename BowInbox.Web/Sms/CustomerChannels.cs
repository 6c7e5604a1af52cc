using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sms;

/// <summary>
/// Which of our numbers a send goes out from. Everything towards a customer is queued "from the central number"; with an
/// SMS central number in use, it goes from the central number of the channel the customer last wrote on
/// (<see cref="BowInbox.Core.Contacts.Contact.Channel"/>), so the relay, intake, notices and staff replies reach an SMS
/// customer by SMS without knowing it. Sends from an SMS number (central or pool) are SMS.
/// </summary>
public static class CustomerChannels
{
    private const string Key = "sms-routing-numbers";

    private sealed record Routing(IReadOnlySet<string> Sms, IReadOnlySet<string> Centrals, string? WhatsAppCentral, string? SmsCentral);

    /// <returns>The number to send from, and whether it is an SMS number.</returns>
    public static async Task<(string From, bool Sms)> RouteAsync(InboxDbContext db, string from, string recipientHash, CancellationToken cancellationToken)
    {
        var routing = await db.ReadOnceAsync(Key, ReadAsync, cancellationToken);
        if (routing.Sms.Count == 0)
        {
            return (from, false);
        }

        if (!routing.Centrals.Contains(from))
        {
            return (from, routing.Sms.Contains(from));
        }

        var channel = db.Contacts.Local.FirstOrDefault(c => c.WaIdHash == recipientHash)?.Channel
            ?? await db.Contacts.AsNoTracking().Where(c => c.WaIdHash == recipientHash).Select(c => c.Channel).FirstOrDefaultAsync(cancellationToken);
        // Someone who is not a customer (a supervisor's command number, a phone answered by keyword) keeps the number given.
        return channel switch
        {
            TicketChannels.Sms when routing.SmsCentral is { } sms => (sms, true),
            TicketChannels.WhatsApp when routing.WhatsAppCentral is { } whatsApp => (whatsApp, false),
            _ => (from, routing.Sms.Contains(from)),
        };
    }

    /// <summary>The active central number of a channel, if there is one.</summary>
    public static Task<string?> CentralOfAsync(InboxDbContext db, string channel, CancellationToken cancellationToken)
        => db.ProxyNumbers.AsNoTracking().Where(n => n.Purpose == NumberPurpose.Central && n.Active && n.Channel == channel)
            .OrderBy(n => n.Id).Select(n => n.PhoneNumberId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Remembers the routing from numbers the caller read anyway (an inbound turn), for the unit of work.</summary>
    public static void Remember(InboxDbContext db, IEnumerable<ProxyNumber> numbers)
        => db.Remember(Key, From(numbers.Where(n => n.Active).OrderBy(n => n.Id).Select(n => (n.PhoneNumberId, n.Purpose, n.Channel)).ToList()));

    private static async Task<Routing> ReadAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        var numbers = await db.ProxyNumbers.AsNoTracking().Where(n => n.Active && (n.Channel == TicketChannels.Sms || n.Purpose == NumberPurpose.Central))
            .OrderBy(n => n.Id).Select(n => new { n.PhoneNumberId, n.Purpose, n.Channel }).ToListAsync(cancellationToken);
        return From(numbers.Select(n => (n.PhoneNumberId, n.Purpose, n.Channel)).ToList());
    }

    private static Routing From(List<(string PhoneNumberId, NumberPurpose Purpose, string Channel)> numbers)
    {
        var centrals = numbers.Where(n => n.Purpose == NumberPurpose.Central).ToList();
        return new Routing(
            numbers.Where(n => n.Channel == TicketChannels.Sms).Select(n => n.PhoneNumberId).ToHashSet(StringComparer.Ordinal),
            centrals.Select(n => n.PhoneNumberId).ToHashSet(StringComparer.Ordinal),
            centrals.Where(n => n.Channel != TicketChannels.Sms).Select(n => n.PhoneNumberId).FirstOrDefault(),
            centrals.Where(n => n.Channel == TicketChannels.Sms).Select(n => n.PhoneNumberId).FirstOrDefault());
    }
}
