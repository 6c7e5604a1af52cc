namespace BowInbox.Core.Providers;

public enum ProviderAvailability
{
    Online = 0,
    Away = 1,

    /// <summary>Set by the platform (for example after repeated contact-leak attempts): no new work.</summary>
    Paused = 2,
}
