using System.Text;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class OfferBrowserTests
{
    [Fact]
    public async Task Technician_accepts_an_offer_in_the_queue_and_the_agents_inbox_shows_the_assignment_live()
    {
        var app = new InboxAppFactory();
        app.Settings["Routing:AutomaticIntake"] = "true";
        await using var session = await BrowserSession.StartAsync(app);
        var agent = await session.LoginAsync("intake@demo.local");
        await agent.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(agent);
        var technician = await session.LoginAsync("tech1@demo.local");
        await technician.WaitForURLAsync("**/queue");
        await BrowserSession.WaitForInteractiveAsync(technician);
        await Assertions.Expect(technician.GetByTestId("no-offers")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557000001", "Burst pipe under the sink, downtown")));

        var offer = technician.GetByTestId("offer");
        await Assertions.Expect(offer).ToContainTextAsync("plumbing · downtown", new() { Timeout = 15_000 });
        await Assertions.Expect(offer).ToContainTextAsync("Burst pipe under the sink");
        await Assertions.Expect(offer.GetByTestId("countdown")).ToContainTextAsync("left");
        var byText = agent.GetByTestId("ticket-row").Filter(new() { HasText = "Burst pipe under the sink" });
        await Assertions.Expect(byText.GetByTestId("row-status")).ToHaveTextAsync("Offered");

        // Later messages (the customer being told who is coming) change the preview; the ticket id does not.
        var row = agent.Locator($"[data-ticket-id='{await byText.GetAttributeAsync("data-ticket-id")}']");

        await offer.GetByTestId("offer-accept").ClickAsync();

        await Assertions.Expect(technician.GetByTestId("no-offers")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("row-status")).ToHaveTextAsync("Assigned");
        Assert.DoesNotContain("15557000001", await technician.ContentAsync());
        Assert.DoesNotContain("15550100001", await agent.ContentAsync());
    }
}
