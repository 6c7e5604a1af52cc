using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>
/// The README's screenshots (inbox, the technician's job on a phone, the supervisor's KPIs), taken from a real relayed conversation, saved where BOWINBOX_SCREENSHOTS says
/// (<c>BOWINBOX_SCREENSHOTS=$PWD/docs/screenshots dotnet test BowInbox.Tests --filter FullyQualifiedName~ScreenshotBrowserTests</c>)
/// and otherwise in a temporary folder, so every run shows the screenshot can still be taken.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ScreenshotBrowserTests
{
    private const string Customer = "15557000991";

    [Fact]
    public async Task Inbox_thread_job_on_a_phone_and_kpis()
    {
        var folder = Environment.GetEnvironmentVariable("BOWINBOX_SCREENSHOTS") is { Length: > 0 } named
            ? named
            : Directory.CreateTempSubdirectory("bowinbox-screenshots-").FullName;
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        await WritesAsync(session, http, Webhooks.Text(Customer, "Hi, the kitchen sink is leaking under the cabinet, downtown. Can someone come today?", profileName: "Maria Lopez"));
        int ticketId;
        string pool;
        await using (var db = session.App.CreateDbContext())
        {
            ticketId = await db.Tickets.Select(t => t.Id).SingleAsync();
            var tom = await db.Providers.Where(p => p.DisplayName == RelayTestData.TomName).Select(p => p.Id).SingleAsync();
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));
            Assert.True((await session.App.Services.GetRequiredService<RelayAssignment>().AssignAsync(staff, ticketId, tom)).Succeeded);
            pool = await db.RelaySessions.Where(s => s.TicketId == ticketId).Select(s => s.PoolPhoneNumberId).SingleAsync();
        }

        await WritesAsync(session, http, Webhooks.Text(RelayTestData.Tom, "Hi Maria, Tom here. I can be there at 3pm, is that ok?", null, pool, RelayTestData.TomName));
        await WritesAsync(session, http, Webhooks.Text(Customer, "3pm is perfect, thank you!", profileName: "Maria Lopez"));

        var page = await session.LoginAsync("intake@demo.local", viewport: new ViewportSize { Width = 1440, Height = 900 });
        await page.WaitForURLAsync("**/inbox");
        await page.GotoAsync($"/inbox/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("Tom (technician) → Maria, relayed");
        await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("3pm is perfect");
        await page.Mouse.MoveAsync(0, 0);
        var file = Path.Combine(folder, "inbox.png");
        await page.ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, "the screenshot to hold a rendered page");

        var phone = await session.LoginAsync("tech1@demo.local", viewport: new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync($"/queue/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("job-card")).ToContainTextAsync("Maria");
        await Assertions.Expect(phone.Locator("body")).Not.ToContainTextAsync(Customer);
        await phone.Mouse.MoveAsync(0, 0);
        file = Path.Combine(folder, "queue-phone.png");
        await phone.ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, "the phone screenshot to hold a rendered page");

        var supervisor = await session.LoginAsync("supervisor@demo.local", viewport: new ViewportSize { Width = 1440, Height = 900 });
        await supervisor.GotoAsync("/supervisor");
        await BrowserSession.WaitForInteractiveAsync(supervisor);
        await Assertions.Expect(supervisor.GetByTestId("kpi-containment")).ToBeVisibleAsync();
        await supervisor.Mouse.MoveAsync(0, 0);
        file = Path.Combine(folder, "supervisor.png");
        await supervisor.ScreenshotAsync(new() { Path = file, FullPage = false });
        Assert.True(new FileInfo(file).Length > 10_000, "the supervisor screenshot to hold a rendered page");
    }

    private static async Task WritesAsync(BrowserSession session, HttpClient http, string payload)
    {
        var wamid = System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("messages")[0].GetProperty("id").GetString();
        Assert.True((await Webhooks.PostSignedAsync(http, payload)).IsSuccessStatusCode);
        await using var db = session.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the message to be stored on the ticket");
    }
}
