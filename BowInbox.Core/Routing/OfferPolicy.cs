namespace BowInbox.Core.Routing;

/// <summary>How long an offer stays open and when a ticket stops being re-offered and goes to a supervisor.</summary>
public static class OfferPolicy
{
    public const int DefaultExpiryMinutes = 5;

    public const int DefaultAttemptLimit = 3;

    /// <summary>When an offer made at <paramref name="offeredAtUtc"/> expires; a group setting of zero or less means the default.</summary>
    public static DateTime ExpiresAt(DateTime offeredAtUtc, int groupExpiryMinutes = DefaultExpiryMinutes) =>
        offeredAtUtc + Expiry(groupExpiryMinutes);

    public static TimeSpan Expiry(int groupExpiryMinutes) =>
        TimeSpan.FromMinutes(groupExpiryMinutes > 0 ? groupExpiryMinutes : DefaultExpiryMinutes);

    /// <summary>
    /// Escalate when nobody in the group can take the ticket, or when it has already been offered
    /// <paramref name="attemptLimit"/> times (zero or less means the default of 3) without being accepted.
    /// </summary>
    public static bool ShouldEscalate(int attemptsSoFar, int attemptLimit, bool anyoneEligible) =>
        !anyoneEligible || attemptsSoFar >= (attemptLimit > 0 ? attemptLimit : DefaultAttemptLimit);
}
