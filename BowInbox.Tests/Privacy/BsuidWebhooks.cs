using System.Text.Json.Nodes;
using BowInbox.Tests.Support;

namespace BowInbox.Tests.Privacy;

/// <summary>Test webhooks from WhatsApp users known by a business-scoped user id (BSUID), with or without their phone.</summary>
internal static class BsuidWebhooks
{
    /// <summary>
    /// A text from <paramref name="phone"/> and/or <paramref name="userId"/>, where Meta puts them: <c>from</c> and
    /// <c>wa_id</c> only when the phone is shared; <c>from_user_id</c>, <c>user_id</c> and a username otherwise too.
    /// </summary>
    public static string Text(string? phone, string userId, string text, string wamid, string phoneNumberId, string profileName, string? username = null, string? parentUserId = null)
    {
        var node = JsonNode.Parse(Webhooks.Text(phone ?? "0", text, wamid, phoneNumberId, profileName))!;
        var value = node["entry"]![0]!["changes"]![0]!["value"]!;
        var contact = value["contacts"]![0]!.AsObject();
        var message = value["messages"]![0]!.AsObject();
        if (phone is null)
        {
            contact.Remove("wa_id");
            message.Remove("from");
        }

        contact["user_id"] = userId;
        message["from_user_id"] = userId;
        if (username is not null)
        {
            contact["profile"]!["username"] = username;
        }

        if (parentUserId is not null)
        {
            contact["parent_user_id"] = parentUserId;
            message["from_parent_user_id"] = parentUserId;
        }

        return node.ToJsonString();
    }

    /// <summary>A <c>user_changed_user_id</c> system message: <paramref name="newUserId"/> replaces <paramref name="previousUserId"/>.</summary>
    public static string ChangedUserId(string previousUserId, string newUserId, string wamid, string phoneNumberId)
        => Webhooks.Change(
            $$$"""
            "messages":[{"from_user_id":"{{{newUserId}}}","id":"{{{wamid}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"system",
              "system":{"body":"User changed their business-scoped user ID","type":"user_changed_user_id","user_id":"{{{newUserId}}}","previous_user_id":"{{{previousUserId}}}"}}]
            """,
            phoneNumberId);
}
