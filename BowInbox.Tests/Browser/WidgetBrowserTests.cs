using System.Text;
using System.Web;
using BowInbox.Core.Tickets;
using BowInbox.Core.Widget;
using BowInbox.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>
/// The widget as a marketplace embeds it: a page on another origin carries the script tag, a visitor writes, an agent
/// replies from the inbox, the visitor comes back after a reload and carries the conversation over to WhatsApp.
/// </summary>
[Trait("Category", "Browser")]
public sealed class WidgetBrowserTests
{
    private const string VisitorPhone = "15557770456";
    private const string VisitorEmail = "rosa.visitor@example.org";

    [Fact]
    public async Task A_visitor_writes_an_agent_replies_and_the_conversation_continues_on_WhatsApp()
    {
        var app = new InboxAppFactory();
        app.Settings["Widget:PollSeconds"] = "1";
        await using var session = await BrowserSession.StartAsync(app);
        await using var shop = await ShopSite.StartAsync();
        var key = await AddWidgetAsync(app, shop.Origin);
        shop.Html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
            <body><main><h1>Garden tools</h1><p>Questions? Ask us.</p></main>
            <script src="{session.BaseUrl}/widget.js?key={key}" async></script></body></html>
            """;

        var visitor = await session.NewPageAsync();
        await visitor.GotoAsync(shop.Origin + "/");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await AxeAudit.AssertAccessibleAsync(visitor, "the open widget panel");
        await visitor.GetByLabel("Your message").FillAsync("The lawnmower I bought will not start");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        var log = visitor.GetByRole(AriaRole.Log);
        await Assertions.Expect(log).ToContainTextAsync("The lawnmower I bought will not start");
        await visitor.GetByPlaceholder("Email me when you reply").FillAsync(VisitorEmail);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Save email" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("we will email you");

        await Eventually.TrueAsync(async () => await TicketOfAsync(app, "The lawnmower I bought will not start") is not null, "the web chat ticket");
        var ticketId = (await TicketOfAsync(app, "The lawnmower I bought will not start"))!.Value;
        var agent = await session.LoginAsync("intake@demo.local");
        await agent.WaitForURLAsync("**/inbox");
        await agent.GotoAsync($"/inbox/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(agent);
        await Assertions.Expect(agent.GetByTestId("thread")).ToContainTextAsync("The lawnmower I bought will not start");
        await Assertions.Expect(agent.Locator("[data-testid=composer-input][data-enter-bound]")).ToBeVisibleAsync();
        await agent.GetByTestId("composer-input").FillAsync("Please check the fuel valve first");
        await agent.GetByTestId("composer-input").PressAsync("Enter");

        await Assertions.Expect(log).ToContainTextAsync("Please check the fuel valve first");

        await visitor.ReloadAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        await Assertions.Expect(log).ToContainTextAsync("The lawnmower I bought will not start");
        await Assertions.Expect(log).ToContainTextAsync("Please check the fuel valve first");

        await visitor.GetByRole(AriaRole.Button, new() { Name = "Continue on WhatsApp" }).ClickAsync();
        var link = visitor.GetByRole(AriaRole.Link, new() { Name = "Open WhatsApp" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var prefilled = HttpUtility.ParseQueryString(new Uri((await link.GetAttributeAsync("href"))!).Query)["text"]!;
        Assert.Matches("WEB-[A-Z0-9]{8}", prefilled);

        // The visitor sends the prefilled message from their WhatsApp to the central number.
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var posted = await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text(VisitorPhone, prefilled, profileName: "Rosa Visitor")));
        Assert.True(posted.IsSuccessStatusCode);

        await Assertions.Expect(agent.GetByTestId("thread")).ToContainTextAsync(prefilled);
        await Assertions.Expect(agent.GetByTestId("thread")).ToContainTextAsync("Please check the fuel valve first");
        await Assertions.Expect(log).ToContainTextAsync("This conversation continues on WhatsApp.");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(TicketChannels.WhatsApp, (await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId)).Channel);
        }

        var panelPage = await visitor.ContentAsync();
        Assert.DoesNotContain(VisitorPhone, panelPage, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorEmail, panelPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VisitorEmail, await agent.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(VisitorPhone, await agent.ContentAsync(), StringComparison.Ordinal);

        var admin = await session.LoginAsync("admin@demo.local");
        await admin.WaitForURLAsync("**/admin");
        await admin.GotoAsync("/admin/channels");
        await BrowserSession.WaitForInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByText("Garden shop").First).ToBeVisibleAsync();
        await AxeAudit.AssertAccessibleAsync(admin, "/admin/channels");
    }

    private static async Task<string> AddWidgetAsync(InboxAppFactory app, string origin)
    {
        await using var db = app.CreateDbContext();
        var key = new WidgetKey
        {
            Name = "Garden shop",
            PublicKey = "wk_" + Guid.NewGuid().ToString("N")[..24],
            AllowedOrigins = origin,
            CreatedBy = "admin@demo.local",
            CreatedAt = DateTime.UtcNow,
        };
        db.WidgetKeys.Add(key);
        await db.SaveChangesAsync();
        return key.PublicKey;
    }

    private static async Task<int?> TicketOfAsync(InboxAppFactory app, string text)
    {
        await using var db = app.CreateDbContext();
        var ids = await db.Messages.Where(m => m.Text == text).Select(m => m.TicketId).ToListAsync();
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>The marketplace: a page on its own origin that carries the widget's script tag.</summary>
    private sealed class ShopSite : IAsyncDisposable
    {
        private readonly WebApplication site;

        private ShopSite(WebApplication site) => this.site = site;

        public string Html { get; set; } = "";

        public string Origin => site.Urls.First().TrimEnd('/');

        public static async Task<ShopSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var site = builder.Build();
            var shop = new ShopSite(site);
            site.MapGet("/", () => Results.Content(shop.Html, "text/html; charset=utf-8"));
            await site.StartAsync();
            return shop;
        }

        public async ValueTask DisposeAsync() => await site.DisposeAsync();
    }
}
