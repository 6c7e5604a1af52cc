using System.Text;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>What is selected can be seen: the list's filter and order, and the composer's mode, whose note mode tints it.</summary>
[Trait("Category", "Browser")]
public sealed class InboxStatesBrowserTests
{
    private const string Background = "e => getComputedStyle(e).backgroundColor";

    [Fact]
    public async Task The_selected_filter_sort_and_note_mode_look_selected()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        Assert.True((await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557000971", "Gate will not close")))).IsSuccessStatusCode);
        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);

        var all = page.GetByTestId("filter-AllOpen");
        var unassigned = page.GetByTestId("filter-Unassigned");
        await Assertions.Expect(all).ToHaveAttributeAsync("aria-pressed", "true");
        var selected = await all.EvaluateAsync<string>(Background);
        Assert.NotEqual(selected, await unassigned.EvaluateAsync<string>(Background));

        await unassigned.ClickAsync();
        await page.GetByTestId("sort-DueSoonest").ClickAsync();
        await page.Mouse.MoveAsync(0, 0); // a hovered button has its own shade

        await Assertions.Expect(unassigned).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(all).ToHaveAttributeAsync("aria-pressed", "false");
        await Eventually.TrueAsync(async () => await unassigned.EvaluateAsync<string>(Background) == selected, "the chosen filter to look selected");
        await Eventually.TrueAsync(async () => await page.GetByTestId("sort-DueSoonest").EvaluateAsync<string>(Background) == selected, "the chosen order to look selected");
        Assert.NotEqual(selected, await page.GetByTestId("sort-Recent").EvaluateAsync<string>(Background));

        await all.ClickAsync();
        await Assertions.Expect(all).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByTestId("ticket-row").Filter(new() { HasText = "Gate will not close" }).ClickAsync();
        var composer = page.GetByTestId("composer");
        var replyTint = await composer.EvaluateAsync<string>(Background);
        await page.GetByTestId("mode-note").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=composer][data-mode=note]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mode-note")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.NotEqual(replyTint, await composer.EvaluateAsync<string>(Background));
        Assert.Equal("rgb(255, 248, 225)", await composer.EvaluateAsync<string>(Background));
    }
}
