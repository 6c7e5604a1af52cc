using System.Text.Json;
using BowInbox.Core.Messaging;

namespace BowInbox.Core.WhatsApp;

/// <summary>Reads one element of a change's <c>statuses[]</c>.</summary>
internal static class InboundStatusReader
{
    /// <returns>The status, or null for a status string we do not track (Meta adds new ones over time).</returns>
    public static InboundStatus? Read(JsonElement status, string path, string phoneNumberId)
    {
        status.RequireObject(path);
        var wamid = status.RequiredString("id", path, WhatsAppLimits.MaxWebhookIdLength);
        var statusName = status.RequiredString("status", path);
        var timestamp = status.RequiredUnixTime("timestamp", path);
        if (ToDeliveryStatus(statusName) is not { } deliveryStatus)
        {
            return null;
        }

        var error = status.OptionalArray("errors").Cast<JsonElement?>().FirstOrDefault();
        return new InboundStatus
        {
            Wamid = wamid,
            Status = deliveryStatus,
            RecipientId = status.OptionalString("recipient_id"),
            RecipientUserId = SenderProfiles.UserIdOf(status, "recipient_user_id"),
            ParentRecipientUserId = SenderProfiles.UserIdOf(status, "parent_recipient_user_id"),
            Timestamp = timestamp,
            ErrorCode = error?.OptionalInt("code"),
            ErrorTitle = WebhookJson.Truncate(
                error?.OptionalString("title")
                    ?? error?.OptionalProperty("error_data")?.OptionalString("details")
                    ?? error?.OptionalString("message"),
                WhatsAppLimits.MaxWebhookTitleLength),
            Pricing = MessagePricing.Read(status),
            PhoneNumberId = phoneNumberId,
        };
    }

    private static DeliveryStatus? ToDeliveryStatus(string status) => status switch
    {
        "sent" => DeliveryStatus.Sent,
        "delivered" => DeliveryStatus.Delivered,
        "read" => DeliveryStatus.Read,
        "failed" => DeliveryStatus.Failed,
        _ => null,
    };
}
