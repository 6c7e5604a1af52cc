using System.Text;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>The inbox at the sizes people use it: a 900 px laptop, a 1024 px tablet and a phone.</summary>
[Trait("Category", "Browser")]
public sealed class InboxLayoutBrowserTests
{
    [Fact]
    public async Task Nine_compact_rows_fit_at_900_px_with_times_in_the_browsers_zone_and_the_filters_on_one_line()
    {
        await using var session = await BrowserSession.StartAsync();
        await CustomersWriteAsync(session, 12);

        var page = await session.LoginAsync("intake@demo.local", viewport: new ViewportSize { Width = 1440, Height = 900 }, timeZone: "Asia/Kolkata");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("ticket-row")).ToHaveCountAsync(12);

        var visible = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('[data-testid=ticket-row]')]
                .filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }).length
            """);
        Assert.True(visible >= 9, $"only {visible} conversation rows are fully visible at 900 px");
        var filterRows = await page.EvaluateAsync<int>("""
            () => new Set([...document.querySelectorAll('[aria-label="Show conversations"] button')].map(b => Math.round(b.getBoundingClientRect().top))).size
            """);
        Assert.Equal(1, filterRows);

        // The layout learns the zone from the browser once the circuit is live; the hover then reads India's time.
        var time = page.GetByTestId("row-time").First;
        await Assertions.Expect(time).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+5:30$"));
        await Assertions.Expect(time).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(just now|\\d+ min)$"));
        Assert.DoesNotContain("1555700", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_the_inbox_is_list_then_thread_then_details_and_at_1024_px_the_details_are_a_drawer()
    {
        await using var session = await BrowserSession.StartAsync();
        var ticketId = (await CustomersWriteAsync(session, 1)).Single();

        var phone = await session.LoginAsync("intake@demo.local", viewport: new ViewportSize { Width = 390, Height = 844 });
        await phone.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(phone);
        var list = phone.GetByTestId("conversation-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("no-conversation")).ToBeHiddenAsync();

        await phone.GetByTestId("ticket-row").First.ClickAsync();
        await phone.WaitForURLAsync($"**/inbox/{ticketId}");
        await Assertions.Expect(phone.GetByTestId("thread")).ToBeVisibleAsync();
        await Assertions.Expect(list).ToBeHiddenAsync();
        await Assertions.Expect(phone.GetByTestId("details-pane")).ToBeHiddenAsync();
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollHeight") < 2 * 844, "the thread view to be about one screen, not one long page");

        await phone.GetByTestId("show-details").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("details-pane")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("thread")).ToBeHiddenAsync();
        await phone.GetByTestId("hide-details").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("thread")).ToBeVisibleAsync();
        await phone.GetByTestId("back-to-list").ClickAsync();
        await phone.WaitForURLAsync("**/inbox");
        await Assertions.Expect(list).ToBeVisibleAsync();

        var tablet = await session.LoginAsync("intake@demo.local", viewport: new ViewportSize { Width = 1024, Height = 768 });
        await tablet.WaitForURLAsync("**/inbox");
        await tablet.GotoAsync($"/inbox/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(tablet);
        await Assertions.Expect(tablet.GetByTestId("thread")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByTestId("conversation-list")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByTestId("details-pane")).ToBeHiddenAsync();
        await tablet.GetByTestId("show-details").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("details-pane")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.GetByTestId("show-details")).ToHaveAttributeAsync("aria-expanded", "true");
        await tablet.GetByTestId("hide-details").ClickAsync();
        await Assertions.Expect(tablet.GetByTestId("details-pane")).ToBeHiddenAsync();
    }

    /// <summary>That many customers write in; returns their tickets once every message is stored.</summary>
    private static async Task<IReadOnlyList<int>> CustomersWriteAsync(BrowserSession session, int count)
    {
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        for (var i = 0; i < count; i++)
        {
            var payload = Webhooks.Text($"155570008{i:00}", $"Customer {i:00} needs a plumber", $"wamid.LAYOUT{i:00}");
            Assert.True((await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(payload))).IsSuccessStatusCode);
        }

        await using var db = session.App.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => m.Wamid!.StartsWith("wamid.LAYOUT")) == count, "every customer's message to be stored");
        return await db.Messages.Where(m => m.Wamid!.StartsWith("wamid.LAYOUT")).Select(m => m.TicketId).Distinct().ToListAsync();
    }
}
