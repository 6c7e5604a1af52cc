using System.Collections.Concurrent;
using System.Text;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyBrowserTests
{
    // Recorded in the page before any of its scripts run, so a violation on the way in is caught too.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task The_inbox_works_under_the_policy_without_a_single_violation()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", "intake@demo.local");
        await page.FillAsync("#Input\\.Password", Login.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);

        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var posted = await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557000921", "Dripping tap in the bathroom")));
        Assert.True(posted.IsSuccessStatusCode);
        // A row arriving live proves the circuit's WebSocket is allowed; the composer binding Enter proves the
        // import map (the one inline script, by its nonce) and the module it maps are allowed.
        var row = page.GetByTestId("ticket-row").Filter(new() { HasText = "Dripping tap in the bathroom" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("Dripping tap in the bathroom");
        await Assertions.Expect(page.Locator("[data-testid=composer-input][data-enter-bound]")).ToBeVisibleAsync();

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        // And the policy is in force: an injected inline script does not run, and is reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); }");
        await Eventually.TrueAsync(async () => (await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Length > 0, "the injected script to be reported");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__injected === true"));
    }
}
