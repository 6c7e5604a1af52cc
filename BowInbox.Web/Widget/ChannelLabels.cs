using BowInbox.Core.Tickets;

namespace BowInbox.Web.Widget;

/// <summary>A ticket channel as people read it in the inbox.</summary>
public static class ChannelLabels
{
    public static string Of(string channel) => channel switch
    {
        TicketChannels.WebChat => "Web chat",
        TicketChannels.Sms => "SMS",
        _ => channel,
    };
}
