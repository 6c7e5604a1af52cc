using System.Net;
using System.Text.RegularExpressions;
using BowInbox.Data.Identity;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BowInbox.Bench;

/// <summary>
/// People watching while the product is under load: staff and technicians signed in through the real login form,
/// each with five live hub connections, and intake agents with the inbox open in Chromium (live Blazor circuits).
/// Everything they are pushed is counted, so a run shows the pushes really happened.
/// </summary>
internal sealed partial class Watchers : IAsyncDisposable
{
    public const int ConnectionsPerUser = 5;
    private const string Password = "Bench-watcher-1";
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly List<HubConnection> connections = [];
    private readonly List<IBrowserContext> pages = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private long pushes;

    public int HubConnections => connections.Count;

    public int Circuits => pages.Count;

    /// <summary>Hub calls received by all connections so far.</summary>
    public long Pushes => Interlocked.Read(ref pushes);

    /// <summary>Why no circuit was opened though some were asked for (no Chromium on the machine), or null.</summary>
    public string? CircuitsSkipped { get; private set; }

    public static string? Chromium()
        => Environment.GetEnvironmentVariable("BOWINBOX_CHROMIUM") is { Length: > 0 } configured ? configured : ChromiumPaths.FirstOrDefault(File.Exists);

    public static async Task<Watchers> ConnectAsync(string baseUrl, AppDatabase database, int hubClients, int circuits, CancellationToken cancellationToken)
    {
        var watchers = new Watchers();
        try
        {
            var users = (hubClients + ConnectionsPerUser - 1) / ConnectionsPerUser;
            var staff = await AddStaffAsync(database, (users + 1) / 2 + (circuits > 0 ? 1 : 0), cancellationToken);
            var technicians = await GivePasswordsAsync(database, users / 2, cancellationToken);
            var watching = staff.Skip(circuits > 0 ? 1 : 0).Concat(technicians).Take(users).ToList();
            for (var u = 0; u < watching.Count; u++)
            {
                var cookie = await SignInAsync(baseUrl, watching[u], cancellationToken);
                for (var c = 0; c < ConnectionsPerUser && watchers.connections.Count < hubClients; c++)
                {
                    await watchers.ConnectHubAsync(baseUrl, cookie, cancellationToken);
                }
            }

            if (circuits > 0)
            {
                await watchers.OpenInboxesAsync(baseUrl, staff[0], circuits);
            }

            return watchers;
        }
        catch
        {
            await watchers.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectHubAsync(string baseUrl, string cookie, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), InboxHub.Path), options => options.Headers["Cookie"] = cookie)
            .Build();
        foreach (var method in new[] { InboxClientMethods.TicketUpdated, InboxClientMethods.MessageChanged })
        {
            connection.On<object>(method, _ => Interlocked.Increment(ref pushes));
        }

        connections.Add(connection);
        await connection.StartAsync(cancellationToken);
    }

    private async Task OpenInboxesAsync(string baseUrl, string email, int circuits)
    {
        if (Chromium() is not { } executable)
        {
            CircuitsSkipped = "Chromium not found (install Debian's 'chromium' package or set BOWINBOX_CHROMIUM)";
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        for (var i = 0; i < circuits; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
            context.SetDefaultTimeout(60_000);
            pages.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Input\\.Email", email);
            await page.FillAsync("#Input\\.Password", Password);
            await page.ClickAsync("#login-submit");
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            await page.GotoAsync("/inbox");

            // The circuit has taken over the prerendered page: from here on it re-renders on every push.
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
    }

    private static async Task<List<string>> AddStaffAsync(AppDatabase database, int count, CancellationToken cancellationToken)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        var roles = new Dictionary<string, IdentityRole>();
        foreach (var name in new[] { Roles.IntakeAgent, Roles.Supervisor })
        {
            roles[name] = await db.Roles.FirstOrDefaultAsync(r => r.Name == name, cancellationToken)
                ?? db.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() }).Entity;
        }

        var emails = new List<string>();
        var hasher = new PasswordHasher<ApplicationUser>();
        for (var i = 0; i < count; i++)
        {
            var role = i % 2 == 0 ? Roles.IntakeAgent : Roles.Supervisor;
            var email = $"bench-{role.ToLowerInvariant()}{i}-{Guid.NewGuid():N}@bench.local";
            var user = BenchUsers.New(email, $"Bench {role} {i}");
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
            emails.Add(email);
        }

        await db.SaveChangesAsync(cancellationToken);
        return emails;
    }

    /// <summary>The seeded technicians sign in as themselves: they are pushed their own jobs' messages.</summary>
    private static async Task<List<string>> GivePasswordsAsync(AppDatabase database, int count, CancellationToken cancellationToken)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        var userIds = await db.Providers.Where(p => p.UserId != null).OrderBy(p => p.Id).Select(p => p.UserId!).Take(count).ToListAsync(cancellationToken);
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(cancellationToken);
        var hasher = new PasswordHasher<ApplicationUser>();
        foreach (var user in users)
        {
            user.PasswordHash = hasher.HashPassword(user, Password);
        }

        await db.SaveChangesAsync(cancellationToken);
        return users.Select(u => u.Email!).ToList();
    }

    /// <summary>Signs in through the login form, antiforgery token and all, and returns the cookie header.</summary>
    private static async Task<string> SignInAsync(string baseUrl, string email, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync("/Account/Login", cancellationToken);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        using var response = await http.PostAsync("/Account/Login", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in a watcher answered {(int)response.StatusCode}, not a redirect; is the login rate limit raised?");
        }

        return cookies.GetCookieHeader(http.BaseAddress!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var context in pages)
        {
            await context.DisposeAsync();
        }

        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
