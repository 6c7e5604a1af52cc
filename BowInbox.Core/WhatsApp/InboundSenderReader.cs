using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// Reads who sent a message: <c>from</c> (the phone) and <c>from_user_id</c> / <c>from_parent_user_id</c> (BSUIDs).
/// Either the phone or the BSUID is enough; a message with neither cannot be answered and is refused.
/// </summary>
internal static class InboundSenderReader
{
    public static (string From, string? UserId, string? ParentUserId) Read(JsonElement message, string path)
    {
        var phone = message.OptionalString("from") is { Length: > 0 } from
            ? from.Length <= WhatsAppLimits.MaxWebhookIdLength
                ? from
                : throw new MalformedWebhookException($"{path}.from is longer than {WhatsAppLimits.MaxWebhookIdLength} characters.")
            : null;
        var userId = SenderProfiles.UserIdOf(message, "from_user_id");
        var parentUserId = SenderProfiles.UserIdOf(message, "from_parent_user_id");
        var address = phone ?? userId
            ?? throw new MalformedWebhookException($"{path} has no \"from\" (nor a \"from_user_id\").");
        return (address, userId, parentUserId);
    }

    /// <summary>
    /// <c>system</c> of a <c>user_changed_number</c> (new phone in <c>wa_id</c>) or <c>user_changed_user_id</c> (new BSUID,
    /// the old one in <c>previous_user_id</c>). The nesting changed during Meta's rollout, so both places are read.
    /// </summary>
    public static InboundIdentityChange? ReadIdentityChange(JsonElement message)
    {
        var system = message.OptionalProperty("system");
        var kind = system?.OptionalString("type") switch
        {
            "user_changed_number" or "customer_changed_number" => IdentityChangeKind.ChangedNumber,
            "user_changed_user_id" => IdentityChangeKind.ChangedUserId,
            _ => (IdentityChangeKind?)null,
        };
        if (kind is not { } changeKind)
        {
            return null;
        }

        var newPhone = system?.OptionalId("wa_id") ?? system?.OptionalId("new_wa_id");
        var newUserId = (system is { } s ? SenderProfiles.UserIdOf(s, "user_id") : null)
            ?? (changeKind == IdentityChangeKind.ChangedUserId ? SenderProfiles.UserIdOf(message, "from_user_id") : null);
        var previousUserId = (system is { } p ? SenderProfiles.UserIdOf(p, "previous_user_id") : null)
            ?? SenderProfiles.UserIdOf(message, "previous_user_id");
        return new InboundIdentityChange(changeKind, newPhone, newUserId, previousUserId);
    }
}
