using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;

namespace BowInbox.Tests.Sla;

public sealed class SlaPolicyJsonTests
{
    [Fact]
    public void Targets_round_trip_with_seconds_warning_points_and_actions()
    {
        SlaTarget[] targets =
        [
            new(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(5)),
            new(SlaTargetKind.OfferAcceptance, TimeSpan.FromSeconds(90), 0.5, SlaBreachAction.Alert | SlaBreachAction.Requeue),
            new(SlaTargetKind.Resolution, TimeSpan.FromHours(48), 0.9, SlaBreachAction.Alert | SlaBreachAction.Escalate),
        ];

        var json = SlaPolicyJson.SerializeTargets(targets);

        Assert.Equal(targets, SlaPolicyJson.DeserializeTargets(json));
        Assert.Contains("\"kind\":\"OfferAcceptance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"seconds\":90", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Business_hours_round_trip_with_zone_days_and_holidays()
    {
        var calendar = NewYork.OfficeHours(new DateOnly(2026, 12, 25), new DateOnly(2026, 1, 1));

        var read = SlaPolicyJson.DeserializeCalendar(SlaPolicyJson.SerializeCalendar(calendar));

        Assert.False(read.IsAlwaysOpen);
        Assert.Equal(NewYork.ZoneId, read.TimeZoneId);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], read.WeeklyHours.Keys.Order());
        Assert.Equal([new OpenInterval(new TimeOnly(9, 0), new TimeOnly(18, 0))], read.WeeklyHours[DayOfWeek.Wednesday]);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)], read.Holidays.Order());
        var friday = NewYork.At("2026-01-09 17:55");
        Assert.Equal(BusinessTime.AddBusinessTime(friday, TimeSpan.FromMinutes(15), calendar), BusinessTime.AddBusinessTime(friday, TimeSpan.FromMinutes(15), read));
    }

    [Theory]
    [InlineData("{\"alwaysOpen\":true}")]
    [InlineData("{}")]
    [InlineData("")]
    public void Always_open_and_empty_calendars_are_24_7(string json)
    {
        Assert.True(SlaPolicyJson.DeserializeCalendar(json).IsAlwaysOpen);
        Assert.True(SlaPolicyJson.DeserializeCalendar(SlaPolicyJson.SerializeCalendar(BusinessCalendar.AlwaysOpen)).IsAlwaysOpen);
    }

    [Theory]
    [InlineData("[{\"kind\":\"FirstResponse\",\"seconds\":0,\"warningPercent\":80,\"actions\":\"Alert\"}]")]
    [InlineData("[{\"kind\":\"FirstResponse\",\"seconds\":60,\"warningPercent\":180,\"actions\":\"Alert\"}]")]
    [InlineData("not json")]
    public void Invalid_stored_targets_are_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => SlaPolicyJson.DeserializeTargets(json));

    [Fact]
    public void Invalid_stored_calendar_is_a_format_error() =>
        Assert.Throws<FormatException>(() => SlaPolicyJson.DeserializeCalendar("{\"timeZone\":\"Mars/Olympus\",\"weeklyHours\":{\"Monday\":[{\"opens\":\"09:00\",\"closes\":\"17:00\"}]}}"));

    [Fact]
    public void A_record_becomes_a_policy_and_a_breach_always_alerts()
    {
        var record = new SlaPolicyRecord
        {
            GroupId = 3,
            Urgency = Urgency.Urgent,
            TargetsJson = "[{\"kind\":\"FirstResponse\",\"seconds\":300,\"warningPercent\":80,\"actions\":\"Escalate\"}]",
            CalendarJson = "{\"alwaysOpen\":true}",
        };

        var policy = SlaPolicyJson.ToPolicy(record);

        Assert.Equal(3, policy.GroupId);
        Assert.Equal(Urgency.Urgent, policy.Urgency);
        Assert.Equal(new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(5), 0.8, SlaBreachAction.Alert | SlaBreachAction.Escalate), Assert.Single(policy.Targets));
    }
}
