using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BowInbox.Tests.Channel;

/// <summary>
/// Webhook bodies generated from a fixed seed: Meta's shapes with their structure, types, sizes, text encodings,
/// nesting and timestamps bent one or a few ways each. Strings carry placeholders that <see cref="Render"/> turns
/// into raw escapes (lone surrogates) a JSON serializer would never write.
/// </summary>
internal sealed class WebhookFuzzCases(int seed)
{
    public const string OurNumber = "100000000000001";

    private const string LoneHigh = "~LONE-HIGH~";
    private const string LoneLow = "~LONE-LOW~";
    private const string Reversed = "~REVERSED~";

    private static readonly string[] Customers = ["15557100001", "15557100002", "15557100003", "447700900123"];

    private static readonly string[] Texts =
    [
        "", " ", "hola", "my tap is leaking downtown", "urgent!!! no power", "😀👍🏽", "\u202Eevil\u202C", "e\u0301\u0301\u0301",
        "\uffff\ufffe", "\U0010FFFF", "\ufdd0", "\u0000", "\u0001\u001f", "line\nbreak\ttab", "\"quoted\" \\ back", "<script>alert(1)</script>",
        LoneHigh, LoneLow, Reversed, "a" + LoneHigh + "b", "مرحبا", "漢字", "\u200B\u200D\uFEFF", "%s%n{0}", "call me on +1 555 700 0001",
        new string('n', 129), new string('w', 501) + "\U0001F600", string.Concat(Enumerable.Repeat("\U0001F600", 3000)),
    ];

    private static readonly string[] Timestamps =
    [
        "1795400000", "0", "1", "-1", "", " 1795400000", "1795400000.5", "1e9", "99999999999999999999", "253402300799",
        "253402300800", "9223372036854775807", "abc", "０１２", "1795400000 ",
    ];

    private static readonly string[] MessageTypes =
    [
        "text", "image", "document", "audio", "video", "sticker", "location", "contacts", "reaction", "interactive",
        "button", "unsupported", "order", "system", "hologram", "", "TEXT", "request_welcome", "ephemeral",
        "a_future_type_with_a_name_longer_than_any_column",
    ];

    private static readonly string[] StatusNames = ["sent", "delivered", "read", "failed", "deleted", "warning", "", "SENT"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random random = new(seed);
    private int wamids;

    /// <summary>The bodies, in order; the same seed gives the same bodies on every machine.</summary>
    public IEnumerable<byte[]> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(20) switch
            {
                0 => RawBody(),
                1 => Encoding.UTF8.GetBytes(Render(Nested(random.Next(1, 200)))),
                _ => Encoding.UTF8.GetBytes(Render(Json(Mutate(Webhook())))),
            };
        }
    }

    /// <summary>A normal text message, to check the channel still works after the fuzz.</summary>
    public static string Normal(string wamid)
        => Support.Webhooks.Text(Customers[0], "my sink is leaking again", wamid, OurNumber);

    private static string Render(string json)
        => json.Replace(LoneHigh, "\\ud800", StringComparison.Ordinal)
            .Replace(LoneLow, "\\udc00", StringComparison.Ordinal)
            .Replace(Reversed, "\\ude00\\ud83d", StringComparison.Ordinal);

    // Bytes that are not the JSON of a webhook at all: invalid UTF-8, a BOM, truncation, junk.
    private byte[] RawBody()
    {
        var valid = Encoding.UTF8.GetBytes(Render(Json(Webhook())));
        return random.Next(5) switch
        {
            0 => [.. valid.Take(random.Next(valid.Length))],
            1 => [0xEF, 0xBB, 0xBF, .. valid],
            2 => [.. valid.Select(b => b == (byte)'h' ? (byte)0xFF : b)],
            3 => [.. valid.Select(b => b == (byte)'a' ? (byte)0xC3 : b)],
            _ => [.. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))],
        };
    }

    private string Nested(int depth)
    {
        var open = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var value = string.Concat(Enumerable.Repeat(open.Item1, depth)) + "1" + string.Concat(Enumerable.Repeat(open.Item2, depth));
        var webhook = Webhook();
        webhook["entry"]![0]!["changes"]![0]!["value"]!["nested"] = "~NESTED~";
        return Json(webhook).Replace("\"~NESTED~\"", value, StringComparison.Ordinal);
    }

    private JsonObject Webhook()
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550000000", ["phone_number_id"] = random.Next(10) == 0 ? Pick(["100000000000999", "", LoneHigh]) : OurNumber },
        };
        var customer = Pick(Customers);
        if (random.Next(3) > 0)
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = Pick(Texts) }, ["wa_id"] = customer });
            value["messages"] = new JsonArray([.. Enumerable.Range(0, Size()).Select(_ => (JsonNode)Message(customer))]);
        }

        if (random.Next(3) == 0)
        {
            value["statuses"] = new JsonArray([.. Enumerable.Range(0, Size()).Select(_ => (JsonNode)Status(customer))]);
        }

        var change = new JsonObject { ["value"] = value, ["field"] = random.Next(15) == 0 ? Pick(["account_update", "", "MESSAGES"]) : "messages" };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject { ["id"] = "300000000000001", ["changes"] = new JsonArray(change) }),
        };
    }

    private int Size() => random.Next(10) switch
    {
        0 => 0,
        1 => random.Next(20, 60),
        _ => random.Next(1, 4),
    };

    private JsonObject Message(string customer)
    {
        var type = Pick(MessageTypes);
        var message = new JsonObject
        {
            ["from"] = random.Next(12) == 0 ? Pick(Texts) : customer,
            ["id"] = NextWamid(),
            ["timestamp"] = random.Next(4) == 0 ? Pick(Timestamps) : "1795400000",
            ["type"] = type,
        };
        message[type.Length > 0 ? type : "x"] = Content(type);
        if (random.Next(8) == 0)
        {
            message["context"] = new JsonObject { ["from"] = OurNumber, ["id"] = random.Next(2) == 0 ? "wamid.unknown" : Pick(Texts) };
        }

        if (random.Next(10) == 0)
        {
            message["errors"] = new JsonArray(new JsonObject { ["code"] = Pick<JsonNode>([131051, -1, "x", 1e300, 2147483648L]), ["title"] = Pick(Texts) });
        }

        return message;
    }

    private JsonNode Content(string type) => type switch
    {
        "text" => new JsonObject { ["body"] = random.Next(15) == 0 ? new string('x', random.Next(4_000, 70_000)) : Pick(Texts) },
        "location" => new JsonObject { ["latitude"] = Coordinate(), ["longitude"] = Coordinate(), ["name"] = Pick(Texts), ["address"] = Pick(Texts) },
        "contacts" => new JsonArray(new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = Pick(Texts), ["first_name"] = Pick(Texts) },
            ["phones"] = new JsonArray(new JsonObject { ["phone"] = Pick(Texts), ["wa_id"] = Pick(Customers) }),
            ["emails"] = new JsonArray(new JsonObject { ["email"] = Pick(Texts) }),
        }),
        "reaction" => new JsonObject { ["message_id"] = random.Next(2) == 0 ? "wamid.unknown" : Pick(Texts), ["emoji"] = Pick(Texts) },
        "interactive" => new JsonObject
        {
            ["type"] = Pick(["button_reply", "list_reply", "nfm_reply", "", "weird"]),
            ["button_reply"] = new JsonObject { ["id"] = Pick(Texts), ["title"] = Pick(Texts) },
            ["list_reply"] = new JsonObject { ["id"] = Pick(Texts), ["title"] = Pick(Texts), ["description"] = Pick(Texts) },
        },
        "button" => new JsonObject { ["text"] = Pick(Texts), ["payload"] = Pick(Texts) },
        "image" or "document" or "audio" or "video" or "sticker" => new JsonObject
        {
            ["id"] = random.Next(6) == 0 ? Pick(Texts) : "media." + random.Next(1000),
            ["mime_type"] = Pick(["image/jpeg", "", "x/" + Pick(Texts)]),
            ["caption"] = Pick(Texts),
            ["filename"] = Pick(Texts),
            ["sha256"] = Pick(Texts),
        },
        _ => random.Next(5) switch
        {
            0 => JsonValue.Create(Pick(Texts)),
            1 => new JsonArray(1, "two", null),
            2 => JsonValue.Create(random.Next()),
            _ => new JsonObject { ["body"] = Pick(Texts), ["caption"] = Pick(Texts) },
        },
    };

    private JsonNode Coordinate() => random.Next(6) switch
    {
        0 => JsonValue.Create(Pick(["NaN", "Infinity", "-Infinity", "", "12,5", "1e999", "north"])),
        1 => JsonValue.Create(Pick([1e300, -1e300, 90.000001, -180.5, 400.0, double.Epsilon])),
        _ => JsonValue.Create(Math.Round(random.NextDouble() * 180 - 90, 6)),
    };

    private JsonObject Status(string customer)
    {
        var status = new JsonObject
        {
            ["id"] = random.Next(3) == 0 ? Pick(Texts) : NextWamid(),
            ["status"] = Pick(StatusNames),
            ["timestamp"] = random.Next(3) == 0 ? Pick(Timestamps) : "1795400000",
            ["recipient_id"] = random.Next(5) == 0 ? Pick(Texts) : customer,
        };
        if (random.Next(4) == 0)
        {
            status["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = Pick<JsonNode>([131026, 131047, 0, "131047", -5]),
                ["title"] = Pick(Texts),
                ["error_data"] = new JsonObject { ["details"] = Pick(Texts) },
            });
        }

        return status;
    }

    // Bends the structure: a part missing, of the wrong kind, null, or an unknown member added.
    private JsonObject Mutate(JsonObject webhook)
    {
        for (var times = random.Next(4); times > 0; times--)
        {
            var target = PickNode(webhook);
            if (target is null)
            {
                continue;
            }

            var key = Pick([.. target.Select(p => p.Key)]);
            target[key] = random.Next(6) switch
            {
                0 => null,
                1 => new JsonArray(),
                2 => new JsonObject(),
                3 => JsonValue.Create(random.Next(-5, 5)),
                4 => JsonValue.Create(Pick(Texts)),
                _ => JsonValue.Create(true),
            };
            if (random.Next(3) == 0)
            {
                target.Remove(key);
                target["unknown_" + random.Next(100).ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["deep"] = new JsonArray(1) };
            }
        }

        return webhook;
    }

    private JsonObject? PickNode(JsonObject webhook)
    {
        var objects = new List<JsonObject>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                objects.Add(obj);
                foreach (var child in obj)
                {
                    Walk(child.Value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Walk(child);
                }
            }
        }

        Walk(webhook);
        objects.RemoveAll(o => o.Count == 0);
        return objects.Count == 0 ? null : objects[random.Next(objects.Count)];
    }

    // Non-ASCII text is written as it is (as Meta does), not escaped.
    private static string Json(JsonNode node) => node.ToJsonString(Relaxed);

    private string NextWamid() => $"wamid.FUZZ{seed}.{++wamids}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
