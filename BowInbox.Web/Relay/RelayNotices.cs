using System.Globalization;
using BowInbox.Core.Contacts;
using BowInbox.Core.Providers;
using BowInbox.Core.Tickets;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Relay;

/// <summary>
/// The relay's own words to customers and providers, and the approved templates that carry them when the
/// 24-hour window is closed. Nothing here ever contains a number: people are a first name, an alias and a role.
/// </summary>
public static class RelayNotices
{
    public static string Briefing(Ticket ticket, Contact contact)
        => $"#{ticket.Id} New job for you: {ticket.ServiceType ?? "service to be confirmed"} in {ticket.Area ?? "area to be confirmed"}. "
            + $"Customer: {contact.Alias} {contact.FirstName}. Reply here to talk to the customer; send /help for commands.";

    public static string BriefingTemplatePayload(Ticket ticket, Contact contact)
        => MessageTemplates.JobBriefing.Payload([Id(ticket.Id), ticket.ServiceType ?? "service to be confirmed", ticket.Area ?? "area to be confirmed", $"{contact.Alias} {contact.FirstName}"]);

    public static string WhoIsComing(Ticket ticket, Contact contact, Provider provider)
        => $"Hi {contact.FirstName}, {provider.FirstName}, your {RoleOf(ticket.ServiceType)}, is taking care of request #{ticket.Id}. "
            + "Reply here to talk to them: your number stays private, and so does theirs.";

    public static string WhoIsComingTemplatePayload(Ticket ticket, Contact contact, Provider provider)
        => MessageTemplates.JobAssigned.Payload([contact.FirstName, provider.FirstName, RoleOf(ticket.ServiceType), Id(ticket.Id)]);

    public static string RelayedTemplatePayload(int ticketId, string speaker, string text)
        => MessageTemplates.RelayedMessage.Payload([Id(ticketId), speaker, text]);

    public static string SessionClosed(int ticketId, string reason)
        => $"#{ticketId} This conversation is closed ({reason}). Messages about job #{ticketId} on this number are no longer passed on.";

    /// <summary>The job stays the provider's: the customer (or the provider, from the web queue) writing again reopens the conversation.</summary>
    public static string IdleClosed(int ticketId, int days)
        => $"#{ticketId} This conversation was quiet for {days} days, so it is closed for now. Job #{ticketId} is still yours: "
            + "if the customer writes again, their message reaches you from one of our numbers and you can reply there.";

    /// <summary>The same notice when the provider's window on the pool number has closed (a quiet session usually has).</summary>
    public static string IdleClosedTemplatePayload(int ticketId, int days)
        => MessageTemplates.RelayIdleClosed.Payload([Id(ticketId), days.ToString(CultureInfo.InvariantCulture)]);

    public static string Stranger(string? centralDisplayNumber)
        => "Hello! This number only carries conversations between our professionals and their customers, so your message was not passed on to anyone."
            + (centralDisplayNumber is null ? "" : $" To ask for a service, write to us at +{centralDisplayNumber}.");

    public const string NoOpenJob = "You have no open job on this number, so your message was not passed on. Send /help for commands.";

    public const string WhichJob = "You have several open jobs on this number. Which job is this message for? It will be passed on once you choose.";

    public static string Done(int ticketId) => $"#{ticketId} Marked as done. Thank you! This conversation is now closed.";

    public static string ThanksCustomer(string customerFirstName, string providerFirstName, int ticketId)
        => $"Thanks, {customerFirstName}! {providerFirstName} marked request #{ticketId} as done. If anything else comes up, just write here.";

    public static string HandedOff(int ticketId) => $"#{ticketId} Handed back to our team. Thank you; this conversation is now closed for you.";

    public const string HandoffToCustomer = "We are finding the right professional for the rest of your request and will be in touch shortly.";

    /// <summary>The role a customer is told ("your plumber"), from the ticket's service type.</summary>
    public static string RoleOf(string? serviceType) => serviceType?.Trim().ToLowerInvariant() switch
    {
        "plumbing" => "plumber",
        "electrical" => "electrician",
        "tutoring" => "tutor",
        "cleaning" => "cleaner",
        "locksmith" => "locksmith",
        _ => "technician",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
