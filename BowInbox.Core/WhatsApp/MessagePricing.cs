using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// What Meta says a sent message costs: a status's <c>pricing</c> object (<c>pricing_model</c> "PMP", <c>category</c>
/// marketing, utility, authentication or service, <c>billable</c>, and <c>type</c> regular, free_customer_service or
/// free_entry_point). Kept as reported, since the rules change (free-form service replies may become chargeable).
/// </summary>
public sealed record MessagePricing(string? Model, string? Category, bool? Billable, string? Type)
{
    /// <summary>Longest pricing value kept; Meta's are single words.</summary>
    public const int MaxValueLength = 32;

    /// <summary>The status's <c>pricing</c>, or null when it has none (failed statuses, older API versions).</summary>
    internal static MessagePricing? Read(JsonElement status)
    {
        if (status.OptionalProperty("pricing") is not { ValueKind: JsonValueKind.Object } pricing)
        {
            return null;
        }

        var billable = pricing.OptionalProperty("billable") is { } b && b.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? b.GetBoolean()
            : (bool?)null;
        return new MessagePricing(
            pricing.OptionalText("pricing_model", MaxValueLength),
            pricing.OptionalText("category", MaxValueLength)?.ToLowerInvariant(),
            billable,
            pricing.OptionalText("type", MaxValueLength));
    }
}
