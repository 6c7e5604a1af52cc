using System.Text;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class InboxBrowserTests
{
    [Fact]
    public async Task Agent_sees_a_new_conversation_live_replies_and_sees_it_delivered()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("empty-list")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var posted = await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557000001", "Burst pipe under the sink, downtown")));
        Assert.True(posted.IsSuccessStatusCode);

        var row = page.GetByTestId("ticket-row").Filter(new() { HasText = "Burst pipe under the sink" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.DoesNotContain("15557000001", await page.ContentAsync());

        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("Burst pipe under the sink");
        session.App.Graph.NextWamid("wamid.BROWSER1");
        // Enter-to-send is bound by a script after the composer renders; pressing Enter before that types a newline.
        await Assertions.Expect(page.Locator("[data-testid=composer-input][data-enter-bound]")).ToBeVisibleAsync();
        await page.GetByTestId("composer-input").FillAsync("A plumber is on the way");
        await page.GetByTestId("composer-input").PressAsync("Enter");

        var outbound = page.GetByTestId("message").Filter(new() { HasText = "A plumber is on the way" });
        await Assertions.Expect(outbound).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => session.App.Graph.Requests.Any(r => r.Text == "A plumber is on the way"), "the reply to reach the Graph API");
        Assert.Single(session.App.Graph.Requests, r => r.Text == "A plumber is on the way");
        await Assertions.Expect(outbound.GetByTestId("delivery-status")).ToContainTextAsync("sent");

        await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Status("wamid.BROWSER1", "delivered")));

        await Assertions.Expect(outbound.GetByTestId("delivery-status")).ToContainTextAsync("delivered");
    }

    [Fact]
    public async Task Customer_typed_in_the_simulated_phones_appears_in_the_agents_inbox()
    {
        var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "";
        await using var session = await BrowserSession.StartAsync(app);
        var agent = await session.LoginAsync("intake@demo.local");
        await agent.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(agent);

        var phones = await session.LoginAsync("admin@demo.local");
        await phones.WaitForURLAsync("**/admin");
        await phones.GotoAsync("/dev/phones");
        await BrowserSession.WaitForInteractiveAsync(phones);
        await phones.Locator("input[data-testid=new-number], [data-testid=new-number] input").FillAsync("+1 555 700 0042");
        await phones.Locator("input[data-testid=new-name], [data-testid=new-name] input").FillAsync("Rosa Diaz");
        await phones.GetByTestId("add-phone").ClickAsync();
        await phones.Locator("textarea[data-testid=phone-message], [data-testid=phone-message] textarea").First.FillAsync("My lights keep flickering uptown");
        await phones.GetByTestId("phone-send").ClickAsync();
        await Assertions.Expect(phones.GetByTestId("phone-log")).ToContainTextAsync("My lights keep flickering uptown");

        var row = agent.GetByTestId("ticket-row").Filter(new() { HasText = "My lights keep flickering uptown" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("Rosa");
    }
}
