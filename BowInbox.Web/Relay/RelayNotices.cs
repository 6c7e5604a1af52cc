using System.Globalization;
using BowInbox.Core.Contacts;
using BowInbox.Core.Intake;
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

    /// <summary>"Who is coming", in the customer's <paramref name="language"/>, with the role already in it ("your plumber").</summary>
    public static string WhoIsComing(CustomerTexts texts, string language, Ticket ticket, Contact contact, Provider provider, string role)
        => texts.Get(language, "who-is-coming.relay", ("firstName", contact.FirstName), ("provider", provider.FirstName), ("role", role), ("ticket", Id(ticket.Id)));

    /// <summary>The <c>job_assigned</c> template in the customer's language (each language is its own approved template on Meta).</summary>
    public static string WhoIsComingTemplatePayload(string language, Ticket ticket, Contact contact, Provider provider, string role)
        => MessageTemplates.InLanguage(MessageTemplates.JobAssigned, language).Payload([contact.FirstName, provider.FirstName, role, Id(ticket.Id)]);

    public static string ThanksCustomer(CustomerTexts texts, string language, string customerFirstName, string providerFirstName, int ticketId)
        => texts.Get(language, "thanks", ("firstName", customerFirstName), ("provider", providerFirstName), ("ticket", Id(ticketId)));

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

    public static string HandedOff(int ticketId) => $"#{ticketId} Handed back to our team. Thank you; this conversation is now closed for you.";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
