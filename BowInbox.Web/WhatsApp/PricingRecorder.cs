using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.WhatsApp;

namespace BowInbox.Web.WhatsApp;

/// <summary>Copies the pricing a status reports onto the outbound message it is about (the cost view counts messages).</summary>
internal static class PricingRecorder
{
    /// <summary>Statuses are only about messages we sent; each carries the same pricing, and one without it leaves what is known.</summary>
    public static void Apply(Message message, MessagePricing? pricing)
    {
        if (pricing is null)
        {
            return;
        }

        message.PricingCategory = pricing.Category ?? message.PricingCategory;
        message.PricingBillable = pricing.Billable ?? message.PricingBillable;
        message.PricingType = pricing.Type ?? message.PricingType;
        message.PricingModel = pricing.Model ?? message.PricingModel;
    }

    public static MessagePricing? Of(StatusEvent status)
        => status.PricingCategory is null && status.PricingBillable is null && status.PricingType is null && status.PricingModel is null
            ? null
            : new MessagePricing(status.PricingModel, status.PricingCategory, status.PricingBillable, status.PricingType);
}
