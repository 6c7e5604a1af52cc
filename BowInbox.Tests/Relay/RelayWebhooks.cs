using System.Text.Json;

namespace BowInbox.Tests.Relay;

/// <summary>Non-text message contents shaped like Meta's (see the fixtures), for <see cref="Support.Webhooks.Message"/>.</summary>
internal static class RelayWebhooks
{
    public const string ContactCard =
        """
        "type":"contacts","contacts":[{"name":{"formatted_name":"Tom Plumbing","first_name":"Tom"},"phones":[{"phone":"+1 555-010-0001","wa_id":"15550100001","type":"CELL"}],"emails":[{"email":"tom.plumbing@example.com","type":"WORK"}]}]
        """;

    public const string Location =
        """
        "type":"location","location":{"latitude":40.7128,"longitude":-74.006,"name":"Corner shop","address":"12 Main St"}
        """;

    public static string ListReply(string id, string title)
        => "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":" + JsonSerializer.Serialize(id) + ",\"title\":" + JsonSerializer.Serialize(title) + "}}";

    public static string Image(string mediaId, string caption)
        => "\"type\":\"image\",\"image\":{\"caption\":" + JsonSerializer.Serialize(caption) + ",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"id\":" + JsonSerializer.Serialize(mediaId) + "}";
}
