using System.Globalization;

namespace BowInbox.Core.WhatsApp;

/// <summary>One message a WhatsApp user sent to one of our numbers, flattened from the webhook.</summary>
public sealed record InboundMessage
{
    public required string Wamid { get; init; }

    /// <summary>
    /// The sender's address: their wa_id (phone number) when the webhook carries it, otherwise their business-scoped
    /// user id (a user with a username may withhold the phone). Sends go to this address.
    /// </summary>
    public required string From { get; init; }

    /// <summary>The sender's business-scoped user id (BSUID), when the webhook carries one.</summary>
    public string? FromUserId { get; init; }

    /// <summary>The sender's parent BSUID, shared across linked business portfolios.</summary>
    public string? FromParentUserId { get; init; }

    /// <summary>The sender's WhatsApp username: an identifier like a number, never stored or shown.</summary>
    public string? Username { get; init; }

    /// <summary>A system message saying the sender changed number or BSUID; such a message has no text of its own.</summary>
    public InboundIdentityChange? IdentityChange { get; init; }

    /// <summary>The phone number the sender wrote from, or null when only their BSUID came.</summary>
    public string? FromPhone => BusinessScopedUserId.IsOne(From) ? null : From;

    /// <summary>Our number that received it: the central number or a proxy number.</summary>
    public required string PhoneNumberId { get; init; }

    public string? ProfileName { get; init; }

    public required DateTime Timestamp { get; init; }

    /// <summary>The type as sent; unknown future types are kept as they are.</summary>
    public required string Type { get; init; }

    /// <summary>The text body, the chosen reply's title, or text-like content of an unknown type.</summary>
    public string? Text { get; init; }

    /// <summary>The id of the chosen reply button or list row, or a template quick reply's payload.</summary>
    public string? ReplyId { get; init; }

    /// <summary>The wamid this message answers or quotes.</summary>
    public string? ContextWamid { get; init; }

    public InboundMedia? Media { get; init; }

    public InboundLocation? Location { get; init; }

    /// <summary>Contact cards; their phones and emails are a contact-exchange attempt the scanner must see.</summary>
    public IReadOnlyList<SharedContact> SharedContacts { get; init; } = [];

    public InboundReaction? Reaction { get; init; }

    public IReadOnlyList<MessageError> Errors { get; init; } = [];

    /// <summary>What the inbox shows for this message.</summary>
    public string DisplayText => Type switch
    {
        "unsupported" => "Unsupported message",
        "system" => IdentityChange?.Description ?? "WhatsApp system message",
        "reaction" when Reaction is not null => Reaction.Emoji.Length == 0
            ? "Removed reaction"
            : $"Reacted {Reaction.Emoji}",
        "location" => Location is null ? "📍 A location that could not be read" : LocationText(Location),

        // Names only: the card's phones and emails go through the scanner, never straight to the inbox.
        "contacts" when SharedContacts.Count > 0 =>
            "Shared contact: " + string.Join(", ", SharedContacts.Select(c => c.Name ?? "(no name)")),
        _ => FirstNonEmpty(Text, Media?.Caption, Media?.Filename) ?? $"[{Type} message]",
    };

    private static string LocationText(InboundLocation location)
    {
        var coordinates = string.Create(
            CultureInfo.InvariantCulture, $"({location.Latitude}, {location.Longitude})");
        var label = FirstNonEmpty(location.Name, location.Address);
        return label is null ? $"📍 {coordinates}" : $"📍 {label} {coordinates}";
    }

    private static string? FirstNonEmpty(params string?[] candidates)
        => candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
