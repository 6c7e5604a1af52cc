using System.Text;
using System.Text.Json.Nodes;

namespace BowInbox.Core.Sms;

/// <summary>
/// What an outbox row says as plain SMS text. Every send is queued in the Cloud API's shape (the one outbox); an SMS
/// number sends the text of it: buttons and list rows become numbered lines, media its caption with a note that the
/// file is not carried, a template the words the inbox shows for it.
/// </summary>
public static class SmsOutboundText
{
    /// <param name="shownText">The stored message's text, if the row delivers one (a template's rendered words).</param>
    /// <returns>The text, or null for a row SMS has no counterpart of (a read receipt, a typing indicator).</returns>
    public static string? Of(string payloadJson, string? shownText)
    {
        if (JsonNode.Parse(payloadJson) is not JsonObject payload || payload["type"]?.GetValue<string>() is not { } type)
        {
            return null;
        }

        return type switch
        {
            "text" => payload["text"]?["body"]?.GetValue<string>(),
            "interactive" => Interactive(payload["interactive"]),
            "template" => shownText ?? Template(payload["template"]),
            "location" => Location(payload["location"]),
            "image" or "document" or "audio" or "video" or "sticker" => Media(payload[type]?["caption"]?.GetValue<string>()),
            _ => shownText,
        };
    }

    private static string? Interactive(JsonNode? interactive)
    {
        var text = new StringBuilder(interactive?["body"]?["text"]?.GetValue<string>() ?? "");
        var action = interactive?["action"];
        var titles = (action?["buttons"]?.AsArray() ?? []).Select(b => b?["reply"]?["title"]?.GetValue<string>())
            .Concat((action?["sections"]?.AsArray() ?? []).SelectMany(s => s?["rows"]?.AsArray() ?? []).Select(r => r?["title"]?.GetValue<string>()))
            .OfType<string>().ToList();
        for (var i = 0; i < titles.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(titles[i]);
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static string Template(JsonNode? template)
    {
        var words = (template?["components"]?.AsArray() ?? []).Where(c => c?["type"]?.GetValue<string>() == "body")
            .SelectMany(c => c?["parameters"]?.AsArray() ?? []).Select(p => p?["text"]?.GetValue<string>()).OfType<string>();
        return string.Join(" · ", words);
    }

    private static string Location(JsonNode? location)
    {
        var lat = location?["latitude"]?.ToString();
        var lon = location?["longitude"]?.ToString();
        return lat is null || lon is null ? "[a location]" : $"https://maps.google.com/?q={lat},{lon}";
    }

    private static string Media(string? caption)
        => string.IsNullOrWhiteSpace(caption) ? "[A file was sent; it cannot be carried by SMS]" : caption + "\n[A file was sent; it cannot be carried by SMS]";
}
