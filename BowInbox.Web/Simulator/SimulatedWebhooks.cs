using System.Globalization;
using System.Text.Json.Nodes;
using BowInbox.Core.WhatsApp;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Simulator;

/// <summary>Builds webhook bodies exactly as Meta shapes them, for the simulated phones.</summary>
public sealed class SimulatedWebhooks(InboundEventStore store, TimeProvider time, ILogger<SimulatedWebhooks> logger)
{
    /// <summary>
    /// A text from <paramref name="from"/>: a phone number, or a business-scoped user id for a customer with a username
    /// who withholds their phone (then there is no <c>from</c> nor <c>wa_id</c>, as Meta sends it).
    /// </summary>
    public static string TextMessage(string phoneNumberId, string from, string profileName, string text, string wamid, DateTime at)
    {
        var byUserId = BusinessScopedUserId.IsOne(from);
        var message = new JsonObject
        {
            [byUserId ? "from_user_id" : "from"] = from,
            ["id"] = wamid,
            ["timestamp"] = Unix(at),
            ["text"] = new JsonObject { ["body"] = text },
            ["type"] = "text",
        };
        var profile = new JsonObject { ["name"] = profileName };
        if (byUserId)
        {
            profile["username"] = "sim." + from[^6..];
        }

        return Envelope(phoneNumberId, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = profile, [byUserId ? "user_id" : "wa_id"] = from }),
            ["messages"] = new JsonArray(message),
        });
    }

    public static string Status(string phoneNumberId, string recipient, string wamid, string status, DateTime at)
        => Envelope(phoneNumberId, new JsonObject
        {
            ["statuses"] = new JsonArray(new JsonObject
            {
                ["id"] = wamid,
                ["status"] = status,
                ["timestamp"] = Unix(at),
                [BusinessScopedUserId.IsOne(recipient) ? "recipient_user_id" : "recipient_id"] = recipient,
            }),
        });

    /// <summary>"sent" then "delivered", stored as inbound events like any webhook Meta would post.</summary>
    public async Task ReportDeliveryAsync(string phoneNumberId, string recipient, string wamid)
    {
        try
        {
            foreach (var status in new[] { "sent", "delivered" })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150));
                await store.StoreAsync(Status(phoneNumberId, recipient, wamid, status, time.GetUtcNow().UtcDateTime), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The simulator could not report delivery of {Wamid}", wamid);
        }
    }

    private static string Envelope(string phoneNumberId, JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = phoneNumberId, ["phone_number_id"] = phoneNumberId };
        var root = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "300000000000001",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
        return root.ToJsonString();
    }

    private static string Unix(DateTime at) => new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
