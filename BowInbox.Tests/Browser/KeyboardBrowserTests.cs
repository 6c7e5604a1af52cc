using System.Text;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>An intake agent's day without a mouse: sign in, open a conversation, reach the composer; focus always visible.</summary>
[Trait("Category", "Browser")]
public sealed class KeyboardBrowserTests
{
    [Fact]
    public async Task Agent_signs_in_opens_a_conversation_and_reaches_the_composer_by_keyboard()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        Assert.True((await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text("15557000301", "Boiler makes a banging noise")))).IsSuccessStatusCode);

        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await TabToAsync(page, "#Input\\.Email");
        await page.Keyboard.TypeAsync("intake@demo.local");
        await TabToAsync(page, "#Input\\.Password");
        await page.Keyboard.TypeAsync(Login.DemoPassword);
        await TabToAsync(page, "#login-submit");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);

        var row = page.GetByTestId("ticket-row").Filter(new() { HasText = "Boiler makes a banging noise" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await TabToAsync(page, "[data-testid=ticket-row]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("thread")).ToContainTextAsync("Boiler makes a banging noise");

        await TabToAsync(page, "[data-testid=composer-input]");
    }

    [Fact]
    public async Task Inbox_keys_move_between_rows_open_one_and_drive_the_composer()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        foreach (var (from, text) in new[] { ("15557000311", "Gutter is overflowing"), ("15557000312", "Shower drain is blocked"), ("15557000313", "Radiator is cold") })
        {
            Assert.True((await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text(from, text)))).IsSuccessStatusCode);
        }

        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");
        await BrowserSession.WaitForInteractiveAsync(page);
        var rows = page.GetByTestId("ticket-row");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var ids = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.ticketId)");
        await Assertions.Expect(page.Locator("html[data-inbox-keys=bound]")).ToBeAttachedAsync();

        await page.Keyboard.PressAsync("j");
        await AssertFocusedRowAsync(page, ids[0]);
        await page.Keyboard.PressAsync("j");
        await AssertFocusedRowAsync(page, ids[1]);
        await page.Keyboard.PressAsync("k");
        await AssertFocusedRowAsync(page, ids[0]);
        await page.Keyboard.PressAsync("ArrowDown");
        await AssertFocusedRowAsync(page, ids[1]);
        await AssertFocusRingAsync(page, "the focused row");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/inbox/{ids[1]}");
        var composer = page.GetByTestId("composer");
        var input = page.GetByTestId("composer-input");
        await Assertions.Expect(composer).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(composer).ToHaveAttributeAsync("data-mode", "note");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(input).Not.ToBeFocusedAsync();
        await AssertFocusedRowAsync(page, ids[1]);

        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(composer).ToHaveAttributeAsync("data-mode", "reply");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await AssertFocusRingAsync(page, "the composer");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(input).Not.ToBeFocusedAsync();

        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(input).ToBeFocusedAsync();
        await Assertions.Expect(input).ToHaveValueAsync("/");
        await Assertions.Expect(page.GetByTestId("canned-list")).ToBeVisibleAsync();
    }

    private static Task AssertFocusedRowAsync(IPage page, string ticketId)
        => Eventually.TrueAsync(() => page.EvaluateAsync<bool>("id => document.activeElement?.dataset?.ticketId === id", ticketId), $"conversation {ticketId} to have focus");

    private static async Task AssertFocusRingAsync(IPage page, string what)
    {
        var ring = await page.EvaluateAsync<string>("""
            () => { const st = getComputedStyle(document.activeElement);
                    return st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 ? 'visible' : `outline ${st.outlineStyle} ${st.outlineWidth}`; }
            """);
        Assert.True(ring == "visible", $"{what} has focus but no visible focus ring ({ring})");
    }

    /// <summary>Presses Tab until the element matching the selector has focus, then checks its focus ring shows.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                var ring = await page.EvaluateAsync<string>("""
                    () => { const st = getComputedStyle(document.activeElement);
                            return st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 ? 'visible' : `outline ${st.outlineStyle} ${st.outlineWidth}`; }
                    """);
                Assert.True(ring == "visible", $"{selector} has focus but no visible focus ring ({ring})");
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} was not reached with the Tab key");
    }
}
