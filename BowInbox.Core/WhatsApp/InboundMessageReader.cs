using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Reads one element of a change's <c>messages[]</c>. The envelope (id, from, type, timestamp) must be
/// there; content is read leniently, since unknown or odd content must be stored and shown, never crash.
/// </summary>
internal static class InboundMessageReader
{
    private static readonly HashSet<string> MediaTypes = ["image", "document", "audio", "video", "sticker"];

    private static readonly HashSet<string> KnownTypesWithoutText =
        [.. MediaTypes, "location", "contacts", "reaction", "unsupported", "system"];

    public static InboundMessage Read(
        JsonElement message, string path, string phoneNumberId, IReadOnlyDictionary<string, SenderProfile> profiles)
    {
        message.RequireObject(path);
        var (from, userId, parentUserId) = InboundSenderReader.Read(message, path);
        var profile = profiles.GetValueOrDefault(from) ?? (userId is null ? null : profiles.GetValueOrDefault(userId));
        var type = WebhookJson.Truncate(message.RequiredString("type", path), WhatsAppLimits.MaxMessageTypeLength)!;
        var (text, replyId) = ReadTextAndReply(message, type);

        return new InboundMessage
        {
            Wamid = message.RequiredString("id", path, WhatsAppLimits.MaxWebhookIdLength),
            From = from,
            FromUserId = userId ?? profile?.UserId,
            FromParentUserId = parentUserId ?? profile?.ParentUserId,
            Username = profile?.Username,
            IdentityChange = type == "system" ? InboundSenderReader.ReadIdentityChange(message) : null,
            PhoneNumberId = phoneNumberId,
            ProfileName = profile?.Name,
            Timestamp = message.RequiredUnixTime("timestamp", path),
            Type = type,
            Text = text,
            ReplyId = replyId,
            ContextWamid = message.OptionalProperty("context")?.OptionalId("id"),
            Media = MediaTypes.Contains(type) ? ReadMedia(message.OptionalProperty(type)) : null,
            Location = type == "location" ? ReadLocation(message.OptionalProperty("location")) : null,
            SharedContacts = type == "contacts" ? ReadContacts(message) : [],
            Reaction = type == "reaction" ? ReadReaction(message.OptionalProperty("reaction")) : null,
            Errors = [.. message.OptionalArray("errors").Select(ReadError)],
        };
    }

    private static (string? Text, string? ReplyId) ReadTextAndReply(JsonElement message, string type) => type switch
    {
        "text" => (message.OptionalProperty("text")?.OptionalString("body"), null),
        "interactive" => ReadInteractiveReply(message.OptionalProperty("interactive")),
        "button" => (
            message.OptionalProperty("button")?.OptionalString("text"),
            message.OptionalProperty("button")?.OptionalString("payload")),
        _ when KnownTypesWithoutText.Contains(type) => (null, null),
        _ => (UnknownTypeText(message, type), null),
    };

    // The reply sits under the key that interactive.type names: button_reply, list_reply, nfm_reply...
    private static (string? Text, string? ReplyId) ReadInteractiveReply(JsonElement? interactive)
    {
        var kind = interactive?.OptionalString("type");
        var reply = kind is null ? null : interactive?.OptionalProperty(kind);
        return (reply?.OptionalString("title") ?? reply?.OptionalString("body"), reply?.OptionalString("id"));
    }

    private static string? UnknownTypeText(JsonElement message, string type)
    {
        var body = message.OptionalProperty(type);
        return message.OptionalProperty("text")?.OptionalString("body")
            ?? body?.OptionalString("body")
            ?? body?.OptionalString("text")
            ?? body?.OptionalString("caption")
            ?? body?.OptionalString("title");
    }

    private static InboundMedia? ReadMedia(JsonElement? media)
        => media?.OptionalId("id") is { } id
            ? new InboundMedia(
                id,
                media.Value.OptionalId("mime_type"),
                media.Value.OptionalString("sha256"),
                media.Value.OptionalString("caption"),
                media.Value.OptionalString("filename"))
            : null;

    /// <summary>
    /// A location without usable coordinates (missing, "NaN", "Infinity", or off the globe) is read as no location:
    /// the message is still stored and shown as an unreadable location, never a number a database refuses.
    /// </summary>
    private static InboundLocation? ReadLocation(JsonElement? location)
        => location?.OptionalDouble("latitude") is { } latitude && double.IsFinite(latitude) && Math.Abs(latitude) <= 90
            && location.Value.OptionalDouble("longitude") is { } longitude && double.IsFinite(longitude) && Math.Abs(longitude) <= 180
                ? new InboundLocation(
                    latitude,
                    longitude,
                    location.Value.OptionalText("name", WhatsAppLimits.MaxWebhookTitleLength),
                    location.Value.OptionalText("address", WhatsAppLimits.MaxWebhookTitleLength))
                : null;

    private static List<SharedContact> ReadContacts(JsonElement message)
        => [.. message.OptionalArray("contacts").Select(ReadContact)];

    private static SharedContact ReadContact(JsonElement card)
    {
        var name = card.OptionalProperty("name");
        var fullName = name?.OptionalString("formatted_name") ?? JoinNames(
            name?.OptionalString("first_name"), name?.OptionalString("last_name"));
        List<string> phones = [.. card.OptionalArray("phones")
            .Select(p => p.OptionalString("phone") ?? p.OptionalString("wa_id"))
            .OfType<string>()];
        List<string> emails = [.. card.OptionalArray("emails")
            .Select(e => e.OptionalString("email"))
            .OfType<string>()];
        return new SharedContact(fullName, phones, emails);
    }

    private static string? JoinNames(string? first, string? last)
        => string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined
            ? joined
            : null;

    private static InboundReaction? ReadReaction(JsonElement? reaction)
        => reaction?.OptionalString("message_id") is { } messageId
            ? new InboundReaction(messageId, reaction.Value.OptionalString("emoji") ?? "")
            : null;

    private static MessageError ReadError(JsonElement error)
        => new(
            error.OptionalInt("code"),
            WebhookJson.Truncate(error.OptionalString("title") ?? error.OptionalString("message"), WhatsAppLimits.MaxWebhookTitleLength),
            error.OptionalProperty("error_data")?.OptionalString("details"));
}
