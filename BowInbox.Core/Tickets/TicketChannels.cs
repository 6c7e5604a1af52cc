namespace BowInbox.Core.Tickets;

public static class TicketChannels { public const string WhatsApp = "WhatsApp"; public const string WebChat = "WebChat"; public const string Sms = "Sms"; }
