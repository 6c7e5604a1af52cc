namespace BowInbox.Core.WhatsApp;

/// <summary>Every message and status of one webhook POST, across all its entries and changes, in order.</summary>
public sealed record ParsedWebhook(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<InboundStatus> Statuses)
{
    /// <summary>The <c>user_preferences</c> changes (marketing stop/resume), in order.</summary>
    public IReadOnlyList<UserPreference> Preferences { get; init; } = [];
}
