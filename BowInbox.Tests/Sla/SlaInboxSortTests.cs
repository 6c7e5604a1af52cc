using System.Security.Claims;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Sla;

public sealed class SlaInboxSortTests
{
    [Fact]
    public async Task Due_soonest_puts_the_nearest_due_first_and_tickets_without_a_clock_last()
    {
        await using var app = new SlaTestApp();
        var uptown = await app.GroupIdAsync("Plumbers - Uptown");
        await app.SetPolicyAsync(null, Urgency.Normal, [SlaTargets.Minutes(SlaTargetKind.FirstResponse, 30)]);
        await app.SetPolicyAsync(uptown, Urgency.Normal, [SlaTargets.Minutes(SlaTargetKind.ProviderFirstContact, 30)]);
        var first = await ChannelTestData.CustomerWroteAsync(app, "due first", "15557400001");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await ChannelTestData.CustomerWroteAsync(app, "due second", "15557400002");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var none = await ChannelTestData.CustomerWroteAsync(app, "no clock runs", "15557400003");
        await using (var db = app.CreateDbContext())
        {
            await db.Tickets.Where(t => t.Id == none).ExecuteUpdateAsync(s => s.SetProperty(t => t.GroupId, uptown));
        }

        await app.RunMonitorAsync();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "intake"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));
        var queries = app.Services.GetRequiredService<InboxQueries>();

        var bySla = await queries.ListAsync(user, InboxFilter.AllOpen, null, 0, 25, sort: InboxSort.DueSoonest);
        var byActivity = await queries.ListAsync(user, InboxFilter.AllOpen, null, 0, 25);

        Assert.Equal([first, second, none], bySla.Rows.Select(r => r.Id));
        Assert.Equal([none, second, first], byActivity.Rows.Select(r => r.Id));
        Assert.Null(bySla.Rows[2].SlaDueAt);
        Assert.Equal(SlaTargetKind.FirstResponse, bySla.Rows[0].SlaKind);
    }
}
