using BowInbox.Core.WhatsApp;

namespace BowInbox.Core.Messaging;

/// <summary>A message received on WhatsApp (from a customer or a provider), as it is stored on its ticket.</summary>
public static class ReceivedMessage
{
    public static Message From(InboundMessage inbound, int ticketId, MessageDirection direction, string authorName) => new()
    {
        TicketId = ticketId,
        Direction = direction,
        AuthorName = authorName,
        Type = inbound.Type,
        Text = inbound.Type is "text" or "interactive" or "button" ? inbound.Text : inbound.DisplayText,
        Wamid = inbound.Wamid,
        PhoneNumberId = inbound.PhoneNumberId,
        Status = DeliveryStatus.None,
        MediaId = inbound.Media?.Id,
        MediaMimeType = inbound.Media?.MimeType,
        Caption = inbound.Media?.Caption,
        Latitude = inbound.Location?.Latitude,
        Longitude = inbound.Location?.Longitude,
        LocationName = inbound.Location is { } location ? location.Name ?? location.Address : null,
        ContextWamid = inbound.ContextWamid,
        ErrorCode = inbound.Errors.FirstOrDefault()?.Code,
        ErrorTitle = inbound.Errors.FirstOrDefault()?.Title,
        CreatedAt = inbound.Timestamp,
    };
}
