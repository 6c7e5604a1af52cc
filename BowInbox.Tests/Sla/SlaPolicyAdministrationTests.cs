using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Seed;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Sla.SlaAlertCentreTests;

namespace BowInbox.Tests.Sla;

public sealed class SlaPolicyAdministrationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private SlaPolicyAdministration Admin => shared.App.Services.GetRequiredService<SlaPolicyAdministration>();

    private async Task<int> GroupAsync(string name)
    {
        await using var db = shared.App.CreateDbContext();
        return await db.ProviderGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    [Fact]
    public async Task Seed_gives_plumbers_downtown_its_targets_and_the_insurer_office_hours()
    {
        var rows = await Admin.ListAsync();

        SlaPolicy Policy(string group, Urgency urgency) => rows.Single(r => r.GroupName == group && r.Urgency == urgency).Policy!;
        TimeSpan Target(SlaPolicy policy, SlaTargetKind kind) => policy.Targets.Single(t => t.Kind == kind).Target;
        var urgent = Policy("Plumbers - Downtown", Urgency.Urgent);
        var normal = Policy("Plumbers - Downtown", Urgency.Normal);
        Assert.Equal([5, 5, 15], new[] { SlaTargetKind.FirstResponse, SlaTargetKind.OfferAcceptance, SlaTargetKind.ProviderFirstContact }.Select(k => Target(urgent, k).TotalMinutes));
        Assert.Equal([15, 10, 30], new[] { SlaTargetKind.FirstResponse, SlaTargetKind.OfferAcceptance, SlaTargetKind.ProviderFirstContact }.Select(k => Target(normal, k).TotalMinutes));
        Assert.True(urgent.Calendar.IsAlwaysOpen);
        var insurer = Policy(DemoData.InsurerGroup, Urgency.Normal).Calendar;
        Assert.Equal("America/New_York", insurer.TimeZoneId);
        Assert.False(insurer.WeeklyHours.ContainsKey(DayOfWeek.Saturday));
        Assert.NotNull(rows.Single(r => r.GroupId is null && r.Urgency == Urgency.Normal).Policy);
    }

    [Fact]
    public void Resolver_falls_back_to_the_groups_normal_policy_then_intake_then_none()
    {
        var resolver = shared.App.Services.GetRequiredService<SlaPolicyResolver>();
        var group = new SlaPolicy(7, Urgency.Normal, [new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(15))], BusinessCalendar.AlwaysOpen);
        var intake = new SlaPolicy(null, Urgency.Urgent, [new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(5))], BusinessCalendar.AlwaysOpen);
        var policies = resolver.Parse([Record(group), Record(intake)]);

        Assert.Equal(7, SlaPolicyResolver.Resolve(policies, 7, Urgency.Urgent)!.GroupId);
        Assert.Equal((null, Urgency.Urgent), (SlaPolicyResolver.Resolve(policies, 8, Urgency.Urgent)!.GroupId, SlaPolicyResolver.Resolve(policies, 8, Urgency.Urgent)!.Urgency));
        Assert.Null(SlaPolicyResolver.Resolve(policies, 8, Urgency.Normal));
        Assert.Null(SlaPolicyResolver.Resolve(resolver.Parse([new SlaPolicyRecord { GroupId = 7, TargetsJson = "broken" }]), 7, Urgency.Normal));
    }

    [Fact]
    public async Task Admin_saves_a_business_hours_policy_and_the_change_is_audited()
    {
        var group = await GroupAsync("Electricians - Downtown");
        var form = SlaPolicyForm.From(group, Urgency.Urgent, null);
        var firstResponse = form.Targets.Single(t => t.Kind == SlaTargetKind.FirstResponse);
        (firstResponse.Enabled, firstResponse.Minutes, firstResponse.WarningPercent, firstResponse.Escalate) = (true, 12, 75, true);
        var acceptance = form.Targets.Single(t => t.Kind == SlaTargetKind.OfferAcceptance);
        (acceptance.Enabled, acceptance.Minutes, acceptance.Requeue) = (true, 4, true);
        form.AlwaysOpen = false;
        form.TimeZoneId = "Europe/London";
        form.Hours[DayOfWeek.Monday] = "08:00-12:00, 13:00-17:30";
        form.Hours[DayOfWeek.Saturday] = "09:00–13:00";
        form.Holidays = "2026-12-25, 2026-12-26";

        var result = await Admin.SaveAsync(As(Roles.Admin, "admin@demo.local"), form);

        Assert.True(result.Succeeded, result.Message);
        var saved = (await Admin.ListAsync()).Single(r => r.GroupId == group && r.Urgency == Urgency.Urgent).Policy!;
        Assert.Equal(new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromMinutes(12), 0.75, SlaBreachAction.Alert | SlaBreachAction.Escalate), saved.Targets[0]);
        Assert.Equal(SlaBreachAction.Alert | SlaBreachAction.Requeue, saved.Targets[1].Actions);
        Assert.Equal(2, saved.Calendar.WeeklyHours[DayOfWeek.Monday].Count);
        Assert.Equal(2, saved.Calendar.Holidays.Count);
        var reread = SlaPolicyForm.From(group, Urgency.Urgent, saved);
        Assert.Equal("08:00-12:00, 13:00-17:30", reread.Hours[DayOfWeek.Monday]);
        await using var db = shared.App.CreateDbContext();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.SlaChanged);
        Assert.Equal(("admin@demo.local", "sla:Electricians - Downtown/Urgent"), (entry.Actor, entry.Target));
        Assert.Contains("FirstResponse 12 min (warn 75%, Alert, Escalate)", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_policies_are_refused_with_errors_an_admin_can_act_on()
    {
        var form = SlaPolicyForm.From(await GroupAsync("Plumbers - Uptown"), Urgency.Urgent, null);
        var firstResponse = form.Targets.Single(t => t.Kind == SlaTargetKind.FirstResponse);
        (firstResponse.Enabled, firstResponse.Minutes, firstResponse.Requeue) = (true, 0, false);
        var resolution = form.Targets.Single(t => t.Kind == SlaTargetKind.Resolution);
        (resolution.Enabled, resolution.Minutes, resolution.Requeue) = (true, 60, true);
        var next = form.Targets.Single(t => t.Kind == SlaTargetKind.NextResponse);
        (next.Enabled, next.Minutes, next.WarningPercent) = (true, 10, 0);
        form.AlwaysOpen = false;
        form.TimeZoneId = "Mars/Olympus";
        form.Hours[DayOfWeek.Tuesday] = "9 to 5";
        form.Holidays = "25/12/2026";

        var result = await Admin.SaveAsync(As(Roles.Admin, "admin@demo.local"), form);
        var denied = await Admin.SaveAsync(As(Roles.Supervisor, "supervisor@demo.local"), SlaPolicyForm.From(null, Urgency.Normal, null));

        Assert.False(result.Succeeded);
        Assert.Contains("First response: enter a target above 0 minutes.", result.Message, StringComparison.Ordinal);
        Assert.Contains("Resolution: re-queue is only possible for offer acceptance and provider first contact.", result.Message, StringComparison.Ordinal);
        Assert.Contains("Next response: the warning point must be between 1 and 100%", result.Message, StringComparison.Ordinal);
        Assert.Contains("Time zone 'Mars/Olympus' is unknown", result.Message, StringComparison.Ordinal);
        Assert.Contains("Tuesday: '9 to 5' is not like 09:00-18:00.", result.Message, StringComparison.Ordinal);
        Assert.Contains("Holiday '25/12/2026' is not a date like 2026-12-25.", result.Message, StringComparison.Ordinal);
        Assert.Equal("Only Admins change SLA policies.", denied.Message);
        Assert.DoesNotContain((await Admin.ListAsync()).Where(r => r.GroupName == "Plumbers - Uptown" && r.Urgency == Urgency.Urgent), r => r.Policy?.Calendar.IsAlwaysOpen == false);
    }

    private static SlaPolicyRecord Record(SlaPolicy policy) => new()
    {
        GroupId = policy.GroupId,
        Urgency = policy.Urgency,
        TargetsJson = SlaPolicyJson.SerializeTargets(policy.Targets),
        CalendarJson = SlaPolicyJson.SerializeCalendar(policy.Calendar),
    };
}
