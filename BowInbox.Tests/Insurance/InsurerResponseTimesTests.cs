using BowInbox.Core.Insurance;

namespace BowInbox.Tests.Insurance;

public sealed class InsurerResponseTimesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static DeskResponse Routed(string insurer, int hour, double? replyMinutes)
        => new(insurer, T0.AddHours(hour), replyMinutes is { } m ? T0.AddHours(hour).AddMinutes(m) : null);

    [Fact]
    public void Desk_first_response_is_measured_per_insurer_against_the_five_minute_goal()
    {
        var times = InsurerResponseTimes.Of([Routed("Acme", 0, 1), Routed("Acme", 1, 3), Routed("Acme", 2, 11), Routed("Zeta", 3, 9), Routed("Zeta", 4, null)]);

        Assert.Equal(["Acme", "Zeta"], times.Select(t => t.Insurer));
        var acme = times[0];
        Assert.Equal(3, acme.Stats.Count);
        Assert.Equal(TimeSpan.FromMinutes(3), acme.Stats.Median);
        Assert.Equal(2.0 / 3, acme.Stats.ShareWithin!.Value, 6);
        Assert.True(acme.MeetsGoal);
        Assert.True(acme.IsSmallSample);
        Assert.Equal(0, acme.Waiting);

        var zeta = times[1];
        Assert.Equal(1, zeta.Stats.Count);
        Assert.Equal(1, zeta.Waiting);
        Assert.False(zeta.MeetsGoal);
        Assert.Equal(0.0, zeta.Stats.ShareWithin);
    }
}
