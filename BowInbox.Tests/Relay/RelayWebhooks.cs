using System.Text.Json;

namespace BowInbox.Tests.Relay;

/// <summary>Non-text inbound messages shaped like Meta's (see the fixtures), for the relay tests.</summary>
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

    public static string Message(string from, string phoneNumberId, string wamid, string typeAndContent, string? contextId = null, string profileName = "Maria Lopez")
    {
        var context = contextId is null ? "" : $$""","context":{"from":"{{phoneNumberId}}","id":"{{contextId}}"}""";
        return $$"""
        {"object":"whatsapp_business_account","entry":[{"id":"300000000000001","changes":[{"value":{"messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"15550000000","phone_number_id":"{{phoneNumberId}}"},
        "contacts":[{"profile":{"name":"{{profileName}}"},"wa_id":"{{from}}"}],
        "messages":[{"from":"{{from}}","id":"{{wamid}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}"{{context}},{{typeAndContent}}}]},"field":"messages"}]}]}
        """;
    }

    public static string ListReply(string id, string title)
        => "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":" + JsonSerializer.Serialize(id) + ",\"title\":" + JsonSerializer.Serialize(title) + "}}";

    public static string Image(string mediaId, string caption)
        => "\"type\":\"image\",\"image\":{\"caption\":" + JsonSerializer.Serialize(caption) + ",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"id\":" + JsonSerializer.Serialize(mediaId) + "}";
}
