using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>
/// A customer's choice about what they receive, from a <c>user_preferences</c> webhook: today only
/// <c>marketing_messages</c> with <c>stop</c> or <c>resume</c>. Either identifier may be missing.
/// </summary>
public sealed record UserPreference
{
    public const string MarketingMessages = "marketing_messages";

    /// <summary>The customer's phone number (<c>wa_id</c>), when Meta sent it.</summary>
    public string? WaId { get; init; }

    /// <summary>The customer's business-scoped user id (<c>user_id</c>), when Meta sent it.</summary>
    public string? UserId { get; init; }

    /// <summary>The parent business-scoped user id (<c>parent_user_id</c>), from the preference or the change's contacts.</summary>
    public string? ParentUserId { get; init; }

    public required string Category { get; init; }

    /// <summary><c>stop</c> or <c>resume</c>, lower case.</summary>
    public required string Value { get; init; }

    public required DateTime Timestamp { get; init; }

    /// <summary>Our number the preference is about.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>True for "stop marketing messages", false for "resume", null for any other preference.</summary>
    public bool? StopsMarketing => Category == MarketingMessages
        ? Value switch { "stop" => true, "resume" => false, _ => null }
        : null;
}

/// <summary>Reads one element of a <c>user_preferences</c> change's <c>user_preferences[]</c>.</summary>
internal static class UserPreferenceReader
{
    public static UserPreference Read(JsonElement preference, string path, string phoneNumberId, IReadOnlyDictionary<string, SenderProfile> profiles)
    {
        preference.RequireObject(path);
        var waId = preference.OptionalId("wa_id");
        var userId = SenderProfiles.UserIdOf(preference, "user_id");
        var profile = (userId is null ? null : profiles.GetValueOrDefault(userId)) ?? (waId is null ? null : profiles.GetValueOrDefault(waId));
        return new UserPreference
        {
            WaId = waId,
            UserId = userId ?? profile?.UserId,
            ParentUserId = SenderProfiles.UserIdOf(preference, "parent_user_id") ?? profile?.ParentUserId,
            Category = preference.RequiredString("category", path, MessagePricing.MaxValueLength).ToLowerInvariant(),
            Value = preference.RequiredString("value", path, MessagePricing.MaxValueLength).ToLowerInvariant(),
            Timestamp = preference.RequiredUnixTime("timestamp", path),
            PhoneNumberId = phoneNumberId,
        };
    }
}
