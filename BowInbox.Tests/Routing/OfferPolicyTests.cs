using BowInbox.Core.Routing;

namespace BowInbox.Tests.Routing;

public sealed class OfferPolicyTests
{
    private static readonly DateTime OfferedAt = new(2026, 3, 6, 14, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5, 5)]
    [InlineData(10, 10)]
    [InlineData(0, 5)]
    [InlineData(-1, 5)]
    public void An_offer_expires_after_the_group_minutes_or_five(int groupMinutes, int expectedMinutes) =>
        Assert.Equal(OfferedAt.AddMinutes(expectedMinutes), OfferPolicy.ExpiresAt(OfferedAt, groupMinutes));

    [Fact]
    public void Default_expiry_is_five_minutes() =>
        Assert.Equal(OfferedAt.AddMinutes(5), OfferPolicy.ExpiresAt(OfferedAt));

    [Theory]
    [InlineData(0, 3, true, false)]
    [InlineData(2, 3, true, false)]
    [InlineData(3, 3, true, true)]
    [InlineData(4, 3, true, true)]
    [InlineData(0, 3, false, true)]
    [InlineData(1, 5, false, true)]
    [InlineData(4, 5, true, false)]
    [InlineData(2, 0, true, false)]
    [InlineData(3, 0, true, true)]
    public void Escalate_when_attempts_run_out_or_nobody_is_eligible(int attempts, int limit, bool anyoneEligible, bool escalate) =>
        Assert.Equal(escalate, OfferPolicy.ShouldEscalate(attempts, limit, anyoneEligible));
}
