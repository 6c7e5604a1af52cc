using System.Globalization;
using System.Text.Json.Nodes;

namespace BowInbox.Core.Sms;

/// <summary>
/// Turns the SMS provider's form-encoded webhooks into the inbound event shape every channel is processed from (the
/// Cloud API's), so an SMS is stored, deduplicated (by its MessageSid), scanned, routed and relayed by the one inbound
/// path. Numbers become bare E.164 digits, as WhatsApp writes them; an SMS number's id is its digits.
/// </summary>
public static class SmsWebhookTranslation
{
    /// <summary>The longest SMS body accepted (the provider's own limit for a concatenated message).</summary>
    public const int MaxBodyLength = SmsSegments.MaxMessageLength;

    public static string? Digits(string? e164)
    {
        var digits = (e164 ?? "").Trim().TrimStart('+');
        return digits.Length is >= 7 and <= 15 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>An inbound SMS as a stored event, or the reason it is not one (named by field, never by value).</summary>
    public static (string? Payload, string? Error) Message(IReadOnlyDictionary<string, string> form, DateTime receivedAt)
    {
        if (Digits(form.GetValueOrDefault("From")) is not { } from)
        {
            return (null, "From is not a phone number in E.164 form.");
        }

        if (Digits(form.GetValueOrDefault("To")) is not { } to)
        {
            return (null, "To is not a phone number in E.164 form.");
        }

        if (form.GetValueOrDefault("MessageSid") is not { Length: > 0 and <= 64 } sid)
        {
            return (null, "MessageSid is missing.");
        }

        var body = form.GetValueOrDefault("Body") ?? "";
        if (body.Length > MaxBodyLength)
        {
            return (null, $"Body is longer than {MaxBodyLength} characters.");
        }

        // MMS media lives at the provider behind its credentials; it is not fetched yet, so the text says it came.
        var media = int.TryParse(form.GetValueOrDefault("NumMedia"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        if (media > 0)
        {
            body = (body + $"\n[{media} MMS attachment{(media == 1 ? "" : "s")} not shown]").Trim();
        }

        if (body.Length == 0)
        {
            return (null, "Body is empty.");
        }

        var message = new JsonObject
        {
            ["from"] = from,
            ["id"] = sid,
            ["timestamp"] = Unix(receivedAt),
            ["text"] = new JsonObject { ["body"] = body },
            ["type"] = "text",
        };
        return (Envelope(to, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "" }, ["wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        }), null);
    }

    /// <summary>
    /// A delivery status callback as a stored event; null payload (and no error) for a status that moves no tick
    /// (queued, accepted, sending, receiving).
    /// </summary>
    public static (string? Payload, string? Error) Status(IReadOnlyDictionary<string, string> form, DateTime receivedAt)
    {
        if (form.GetValueOrDefault("MessageSid") is not { Length: > 0 and <= 64 } sid)
        {
            return (null, "MessageSid is missing.");
        }

        if (Digits(form.GetValueOrDefault("From")) is not { } from)
        {
            return (null, "From is not a phone number in E.164 form.");
        }

        var status = form.GetValueOrDefault("MessageStatus") switch
        {
            "sent" => "sent",
            "delivered" => "delivered",
            "read" => "read",
            "undelivered" or "failed" => "failed",
            _ => null,
        };
        if (status is null)
        {
            return (null, null);
        }

        var row = new JsonObject { ["id"] = sid, ["status"] = status, ["timestamp"] = Unix(receivedAt) };
        if (status == "failed")
        {
            var code = int.TryParse(form.GetValueOrDefault("ErrorCode"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 30000;
            row["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = $"The SMS was not delivered (provider error {code})" });
        }

        return (Envelope(from, new JsonObject { ["statuses"] = new JsonArray(row) }), null);
    }

    private static string Envelope(string ourNumber, JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = ourNumber, ["phone_number_id"] = ourNumber };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "sms",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        }.ToJsonString();
    }

    private static string Unix(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
