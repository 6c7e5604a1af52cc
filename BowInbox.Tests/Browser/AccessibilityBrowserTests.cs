using BowInbox.Tests.Audit;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>
/// Every page each role works on, checked with axe-core against WCAG 2 A/AA once it is interactive. One test per
/// role; each lists every violation on every page it visits, so a failure reads as a complete to-do list.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessibilityBrowserTests
{
    [Fact]
    public async Task Login_page_is_accessible()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await AxeAudit.AssertAccessibleAsync(page, "the login page");
    }

    [Fact]
    public async Task Intake_agent_pages_are_accessible()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await AuditTestData.SessionAsync(session.App, "15557000191", http);
        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");

        await AssertPagesAsync(page, "/inbox", $"/inbox/{ticketId}");
    }

    [Fact]
    public async Task Intake_agent_pages_are_accessible_in_dark_mode_which_is_remembered_across_reloads()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await AuditTestData.SessionAsync(session.App, "15557000194", http);
        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToBeAttachedAsync();

        var reports = new List<string>();
        foreach (var path in new[] { "/inbox", $"/inbox/{ticketId}" })
        {
            await page.GotoAsync(path);
            await BrowserSession.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToBeAttachedAsync();
            if (await AxeAudit.ViolationsAsync(page, path + " in dark mode") is { } report)
            {
                reports.Add(report);
            }
        }

        Assert.True(reports.Count == 0, string.Join("\n\n", reports));
    }

    [Fact]
    public async Task Technician_pages_are_accessible_on_a_phone()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await AuditTestData.SessionAsync(session.App, "15557000192", http);
        var page = await session.LoginAsync("tech1@demo.local", viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.WaitForURLAsync("**/queue");

        await AssertPagesAsync(page, "/queue", $"/queue/{ticketId}");
    }

    [Fact]
    public async Task Supervisor_pages_are_accessible()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await AuditTestData.SessionAsync(session.App, "15557000193", http);
        var page = await session.LoginAsync("supervisor@demo.local");
        await page.WaitForURLAsync("**/supervisor");

        await AssertPagesAsync(page, "/supervisor", "/supervisor/audit", "/supervisor/roi", "/supervisor/bookings", "/supervisor/held", $"/supervisor/sessions/{ticketId}");
    }

    [Fact]
    public async Task Admin_pages_are_accessible()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.LoginAsync("admin@demo.local");
        await page.WaitForURLAsync("**/admin");

        await AssertPagesAsync(page, "/admin", "/admin/users", "/admin/providers", "/admin/routing", "/admin/numbers",
            "/admin/content-policy", "/admin/sla", "/admin/canned-replies", "/admin/webhooks", "/admin/api-keys", "/admin/insurers", "/dev/phones");
    }

    private static async Task AssertPagesAsync(IPage page, params string[] paths)
    {
        var reports = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await BrowserSession.WaitForInteractiveAsync(page);
            if (await AxeAudit.ViolationsAsync(page, path) is { } report)
            {
                reports.Add(report);
            }
        }

        Assert.True(reports.Count == 0, string.Join("\n\n", reports));
    }
}
