using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port and the machine's Chromium driven by Playwright. Without Chromium
/// the test skips with the reason, unless BOWINBOX_REQUIRE_ALL_TESTS=1, where it fails.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    private BrowserSession(InboxAppFactory app)
    {
        App = app;
    }

    public InboxAppFactory App { get; }

    public string BaseUrl { get; private set; } = "";

    public static async Task<BrowserSession> StartAsync(InboxAppFactory? app = null)
    {
        var executable = Environment.GetEnvironmentVariable("BOWINBOX_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : ChromiumPaths.FirstOrDefault(File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            TestEnvironment.SkipOrFail("Chromium not found (install Debian's 'chromium' package or set BOWINBOX_CHROMIUM)");
        }

        var session = new BrowserSession(app ?? new InboxAppFactory());
        session.BaseUrl = session.App.StartKestrel();
        session.playwright = await Playwright.CreateAsync();
        session.browser = await session.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return session;
    }

    /// <summary>A page in a fresh browser context; <paramref name="timeZone"/> is the zone the browser reports (an IANA id).</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null, string? timeZone = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 850 },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(15_000);

        // Live updates cross a circuit, the hub and background workers; on a shared CI machine 5 s is not enough.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> LoginAsync(string email, string password = Login.DemoPassword, ViewportSize? viewport = null, string? timeZone = null)
    {
        var page = await NewPageAsync(viewport, timeZone);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
        return page;
    }

    /// <summary>Waits until the Blazor circuit has taken over the prerendered page, so input is not lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page)
        => page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
