using BowInbox.Core.Scanning;

namespace BowInbox.Tests.Offenders;

public sealed class PauseThresholdsTests
{
    private static readonly DateTime Now = new(2026, 5, 12, 18, 0, 0, DateTimeKind.Utc);

    private static PauseThresholds With(params (ViolationKind Kind, int Count, int Hours)[] set)
        => new(set.ToDictionary(s => s.Kind, s => new PauseThreshold(s.Count, s.Hours)));

    [Fact]
    public void A_message_with_several_findings_counts_once_as_its_strictest_kind()
    {
        var thresholds = With((ViolationKind.Phone, 2, 24), (ViolationKind.Email, 5, 24));
        (ViolationKind, DateTime, long?)[] twoMessages =
        [
            (ViolationKind.Phone, Now, 1), (ViolationKind.Email, Now, 1), (ViolationKind.Email, Now, 1),
            (ViolationKind.Email, Now, 2), (ViolationKind.Email, Now, 2),
        ];

        var counted = thresholds.PerMessage(twoMessages);

        Assert.Equal([(ViolationKind.Phone, Now), (ViolationKind.Email, Now)], counted);
        Assert.False(thresholds.ShouldPause(counted, Now));
        Assert.True(thresholds.ShouldPause(thresholds.PerMessage([.. twoMessages, (ViolationKind.Phone, Now, 3)]), Now));
        Assert.Equal(2, thresholds.PerMessage([(ViolationKind.Email, Now, null), (ViolationKind.Email, Now, null)]).Count);
    }

    [Fact]
    public void The_sender_is_warned_before_the_pause_and_told_who_can_lift_it()
    {
        Assert.Equal("Phone removed.", BowInbox.Web.Relay.RelayScreening.WithPauseNotice("Phone removed.", BowInbox.Web.Offenders.PauseOutcome.None, technician: true));
        Assert.Contains("one more message", BowInbox.Web.Relay.RelayScreening.WithPauseNotice(null, BowInbox.Web.Offenders.PauseOutcome.OneMorePauses, technician: true));
        var paused = BowInbox.Web.Relay.RelayScreening.WithPauseNotice("Phone removed.", BowInbox.Web.Offenders.PauseOutcome.Paused, technician: true)!;
        Assert.StartsWith("Phone removed.\n", paused, StringComparison.Ordinal);
        Assert.Contains("until a supervisor lifts the pause", paused, StringComparison.Ordinal);
        Assert.Contains("held for our team", BowInbox.Web.Relay.RelayScreening.WithPauseNotice(null, BowInbox.Web.Offenders.PauseOutcome.OneMorePauses, technician: false));
    }

    [Fact]
    public void By_default_any_three_violations_in_a_day_pause_as_before()
    {
        Assert.True(PauseThresholds.Default.ShouldPause([(ViolationKind.Phone, Now.AddHours(-20)), (ViolationKind.Email, Now.AddHours(-2)), (ViolationKind.SocialHandle, Now)], Now));
        Assert.False(PauseThresholds.Default.ShouldPause([(ViolationKind.Phone, Now.AddHours(-25)), (ViolationKind.Email, Now.AddHours(-2)), (ViolationKind.SocialHandle, Now)], Now));
    }

    [Fact]
    public void Each_kind_counts_against_its_own_threshold()
    {
        var thresholds = With((ViolationKind.ContactCard, 1, 24), (ViolationKind.Phone, 5, 24));

        Assert.True(thresholds.ShouldPause([(ViolationKind.ContactCard, Now)], Now));
        Assert.False(thresholds.ShouldPause(Enumerable.Repeat((ViolationKind.Phone, Now), 4), Now));
        Assert.True(thresholds.ShouldPause(Enumerable.Repeat((ViolationKind.Phone, Now), 5), Now));
    }

    [Fact]
    public void Each_kind_has_its_own_window()
    {
        var thresholds = With((ViolationKind.PaymentOutside, 2, 168), (ViolationKind.Phone, 2, 24));

        Assert.True(thresholds.ShouldPause([(ViolationKind.PaymentOutside, Now.AddDays(-5)), (ViolationKind.PaymentOutside, Now)], Now));
        Assert.False(thresholds.ShouldPause([(ViolationKind.Phone, Now.AddDays(-2)), (ViolationKind.Phone, Now)], Now));
        Assert.Equal(TimeSpan.FromHours(168), thresholds.LongestWindow);
    }

    [Fact]
    public void Kinds_add_up_as_shares_of_a_pause_and_zero_never_pauses()
    {
        var thresholds = With((ViolationKind.Phone, 2, 24), (ViolationKind.Email, 4, 24), (ViolationKind.Link, 0, 24));

        Assert.False(thresholds.ShouldPause([(ViolationKind.Phone, Now), (ViolationKind.Email, Now)], Now));
        Assert.True(thresholds.ShouldPause([(ViolationKind.Phone, Now), (ViolationKind.Email, Now), (ViolationKind.Email, Now)], Now));
        Assert.False(thresholds.ShouldPause(Enumerable.Repeat((ViolationKind.Link, Now), 50), Now));
    }

    [Theory]
    [InlineData(-1, 24, "between 1 and 100")]
    [InlineData(101, 24, "between 1 and 100")]
    [InlineData(3, 0, "between 1 and 720 hours")]
    [InlineData(3, 721, "between 1 and 720 hours")]
    public void Out_of_range_values_are_refused_with_the_kind_named(int count, int hours, string expected)
    {
        var error = PauseThresholds.Validate(new Dictionary<ViolationKind, PauseThreshold> { [ViolationKind.Email] = new(count, hours) }, k => k == ViolationKind.Email ? "Email addresses" : "?");

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("Email addresses", error, StringComparison.Ordinal);
    }
}
