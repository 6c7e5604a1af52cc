using System.Globalization;
using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Reads webhook JSON without trusting its shape: optional reads return null when a value is missing or
/// of the wrong kind, required reads throw <see cref="MalformedWebhookException"/> naming the JSON path.
/// </summary>
internal static class WebhookJson
{
    public static JsonElement? OptionalProperty(this JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null
                ? value
                : null;

    public static string? OptionalString(this JsonElement element, string name)
        => element.OptionalProperty(name) switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => null,
        };

    public static double? OptionalDouble(this JsonElement element, string name)
        => element.OptionalProperty(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var number) => number,
            { ValueKind: JsonValueKind.String } value when double.TryParse(
                value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };

    public static int? OptionalInt(this JsonElement element, string name)
        => element.OptionalProperty(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
            { ValueKind: JsonValueKind.String } value when int.TryParse(
                value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };

    public static IEnumerable<JsonElement> OptionalArray(this JsonElement element, string name)
        => element.OptionalProperty(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static JsonElement RequiredArray(this JsonElement element, string name, string path)
        => element.OptionalProperty(name) is { ValueKind: JsonValueKind.Array } array
            ? array
            : throw new MalformedWebhookException($"{path} has no \"{name}\" array.");

    public static JsonElement RequiredObject(this JsonElement element, string name, string path)
        => element.OptionalProperty(name) is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new MalformedWebhookException($"{path} has no \"{name}\" object.");

    public static string RequiredString(this JsonElement element, string name, string path)
        => element.OptionalString(name) is { Length: > 0 } value
            ? value
            : throw new MalformedWebhookException($"{path} has no \"{name}\".");

    public static string RequiredString(this JsonElement element, string name, string path, int maxLength)
    {
        var value = element.RequiredString(name, path);
        return value.Length <= maxLength
            ? value
            : throw new MalformedWebhookException($"{path}.{name} is longer than {maxLength} characters.");
    }

    /// <summary>An id too long to be one of Meta's reads as no id: it could match nothing we stored.</summary>
    public static string? OptionalId(this JsonElement element, string name, int maxLength = WhatsAppLimits.MaxWebhookIdLength)
        => element.OptionalString(name) is { } value && value.Length <= maxLength ? value : null;

    public static string? OptionalText(this JsonElement element, string name, int maxLength)
        => Truncate(element.OptionalString(name), maxLength);

    /// <summary>Cut to at most <paramref name="maxLength"/> characters, never between the halves of a surrogate pair.</summary>
    public static string? Truncate(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
    }

    /// <summary>WhatsApp timestamps are unix seconds, sent as a string of digits.</summary>
    public static DateTime RequiredUnixTime(this JsonElement element, string name, string path)
    {
        var text = element.RequiredString(name, path);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new MalformedWebhookException(
                $"{path}.{name} is \"{text}\"; expected unix seconds such as \"1795400000\".");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
    }

    public static void RequireObject(this JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedWebhookException($"{path} must be a JSON object, not {Describe(element)}.");
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}

/// <summary>Unwinds parsing at the first shape violation; turned into a failed result at the parser's edge.</summary>
internal sealed class MalformedWebhookException(string message) : Exception(message);
