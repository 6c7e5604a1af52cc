using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>What a change's <c>contacts[]</c> says about one sender: found by wa_id or by BSUID (either may be absent).</summary>
internal sealed record SenderProfile(string? Name, string? Username, string? UserId, string? ParentUserId);

internal static class SenderProfiles
{
    /// <summary>Each contact under its wa_id and its user_id, so a message finds it by <c>from</c> or <c>from_user_id</c>.</summary>
    public static Dictionary<string, SenderProfile> Read(JsonElement value)
    {
        var profiles = new Dictionary<string, SenderProfile>(StringComparer.Ordinal);
        foreach (var contact in value.OptionalArray("contacts"))
        {
            var profile = contact.OptionalProperty("profile");
            var sender = new SenderProfile(
                profile?.OptionalText("name", WhatsAppLimits.MaxProfileNameLength),
                profile?.OptionalText("username", WhatsAppLimits.MaxProfileNameLength),
                UserIdOf(contact, "user_id"),
                UserIdOf(contact, "parent_user_id"));
            foreach (var key in new[] { contact.OptionalId("wa_id"), sender.UserId })
            {
                if (key is not null)
                {
                    profiles.TryAdd(key, sender);
                }
            }
        }

        return profiles;
    }

    /// <summary>A BSUID field, or null when absent or not shaped like one (it could match nothing we stored).</summary>
    public static string? UserIdOf(JsonElement element, string name)
        => element.OptionalId(name, WhatsAppLimits.MaxUserIdLength) is { } value && BusinessScopedUserId.IsOne(value)
            ? BusinessScopedUserId.Normalize(value)
            : null;
}
