using System.Globalization;
using System.Text.Json.Nodes;
using static BowInbox.Core.WhatsApp.OutboundPayloadRules;

namespace BowInbox.Core.WhatsApp;

/// <summary>Media and location payloads for relaying what one side sent to the other.</summary>
public static partial class OutboundPayloads
{
    /// <summary>Media types the relay forwards; audio, video and stickers carry no caption.</summary>
    public static readonly IReadOnlySet<string> MediaTypes = new HashSet<string>(StringComparer.Ordinal) { "image", "document", "audio", "video", "sticker" };

    /// <summary>
    /// Media by id. A media id is only valid for the number that received or uploaded it, so the outbox
    /// re-uploads from the sending number before it sends (see the outbox's media kind).
    /// </summary>
    public static string Media(string type, string mediaId, string? caption = null, string? filename = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaId);
        if (!MediaTypes.Contains(type))
        {
            throw new ArgumentException($"'{type}' is not a media type.", nameof(type));
        }

        var media = new JsonObject { ["id"] = mediaId };
        if (!string.IsNullOrWhiteSpace(caption) && type is "image" or "document" or "video")
        {
            RequireLength(caption, 1024, "caption", nameof(caption));
            media["caption"] = caption;
        }

        if (!string.IsNullOrWhiteSpace(filename) && type == "document")
        {
            media["filename"] = filename;
        }

        return Message(type, media, individual: true);
    }

    public static string Location(double latitude, double longitude, string? name, string? address)
    {
        var location = new JsonObject
        {
            ["latitude"] = latitude.ToString(CultureInfo.InvariantCulture),
            ["longitude"] = longitude.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            location["name"] = name;
        }

        if (!string.IsNullOrWhiteSpace(address))
        {
            location["address"] = address;
        }

        return Message("location", location, individual: true);
    }

    /// <summary>The media id and type of a stored media payload, for re-uploading it.</summary>
    public static (string Type, string MediaId)? MediaOf(string payloadJson)
    {
        if (JsonNode.Parse(payloadJson) is not JsonObject payload || payload["type"]?.GetValue<string>() is not { } type || !MediaTypes.Contains(type))
        {
            return null;
        }

        return payload[type]?["id"]?.GetValue<string>() is { } id ? (type, id) : null;
    }

    /// <summary>The same payload with another media id (the one uploaded from the sending number).</summary>
    public static string WithMediaId(string payloadJson, string mediaId)
    {
        var payload = JsonNode.Parse(payloadJson)!.AsObject();
        var type = payload["type"]!.GetValue<string>();
        payload[type]!["id"] = mediaId;
        return payload.ToJsonString();
    }
}
