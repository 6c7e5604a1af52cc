using BowInbox.Core.Messaging;

namespace BowInbox.Core.Channel;

/// <summary>
/// A delivery status as Meta reported it, unique per (wamid, status). Kept even when its message is
/// not known yet (a status can overtake the send's response), and applied when the wamid appears.
/// </summary>
public class StatusEvent
{
    public long Id { get; set; }

    public string Wamid { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    public DateTime At { get; set; }

    public int? ErrorCode { get; set; }

    public string? ErrorTitle { get; set; }

    /// <summary>The status's pricing, kept so a status that overtakes its message's send still prices it later.</summary>
    public string? PricingCategory { get; set; }

    public bool? PricingBillable { get; set; }

    public string? PricingType { get; set; }

    public string? PricingModel { get; set; }
}
