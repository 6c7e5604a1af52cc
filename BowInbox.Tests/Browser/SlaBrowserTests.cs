using System.Text;
using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class SlaBrowserTests
{
    [Fact]
    public async Task Supervisor_sees_an_sla_breach_appear_live_with_a_toast_and_acknowledges_it()
    {
        await using var session = await BrowserSession.StartAsync();
        await using (var db = session.App.CreateDbContext())
        {
            var intake = await db.SlaPolicies.SingleAsync(p => p.GroupId == null && p.Urgency == Urgency.Normal);
            intake.TargetsJson = SlaPolicyJson.SerializeTargets([new SlaTarget(SlaTargetKind.FirstResponse, TimeSpan.FromSeconds(2), WarningFraction: 1)]);
            await db.SaveChangesAsync();
        }

        var page = await session.LoginAsync("supervisor@demo.local");
        await page.WaitForURLAsync("**/supervisor");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("no-alerts")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var posted = await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557500001", "Nobody answers me")));
        Assert.True(posted.IsSuccessStatusCode);

        // The monitor runs every minute in production; here it is run as soon as the 2-second target has passed.
        var monitor = session.App.Services.GetRequiredService<SlaMonitorJob>();
        await Eventually.TrueAsync(async () => (await monitor.RunAsync()).AlertsRaised > 0, "the 2-second first response to be breached");

        var alert = page.Locator("[data-testid=sla-alert][data-level=Breach]").Filter(new() { HasText = "First response" });
        await Assertions.Expect(alert).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(alert.GetByTestId("alert-lateness")).ToContainTextAsync("late");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "SLA breach" })).ToBeVisibleAsync();
        Assert.DoesNotContain("15557500001", await page.ContentAsync());

        await alert.GetByTestId("acknowledge").ClickAsync();
        await page.Locator("[data-testid=acknowledge-note] textarea, textarea[data-testid=acknowledge-note]").First.FillAsync("Called the customer back");
        await page.GetByTestId("acknowledge-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("no-alerts")).ToBeVisibleAsync();
    }
}
