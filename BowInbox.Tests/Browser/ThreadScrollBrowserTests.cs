using System.Text;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>The thread opens at its newest message, stays pinned there as messages arrive, and offers "New messages" once scrolled up.</summary>
[Trait("Category", "Browser")]
public sealed class ThreadScrollBrowserTests
{
    private const string Customer = "15557000961";
    private const string AtBottom = "t => t.scrollHeight > t.clientHeight && t.scrollHeight - t.scrollTop - t.clientHeight < 48";

    [Fact]
    public async Task The_thread_follows_new_messages_until_the_agent_scrolls_up()
    {
        await using var session = await BrowserSession.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        var ticketId = await WritesAsync(session, http, "first words", null);
        await using (var db = session.App.CreateDbContext())
        {
            var start = DateTime.UtcNow.AddHours(-2);
            for (var i = 0; i < 40; i++)
            {
                db.Messages.Add(new Message { TicketId = ticketId, Direction = MessageDirection.FromCustomer, AuthorName = "C-TEST", Text = $"earlier message {i:00}", CreatedAt = start.AddMinutes(i) });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await session.LoginAsync("intake@demo.local");
        await page.WaitForURLAsync("**/inbox");
        await page.GotoAsync($"/inbox/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        var thread = page.GetByTestId("thread");
        var button = page.GetByTestId("thread-new-messages");
        await Assertions.Expect(page.Locator("[data-testid=thread][data-followed]")).ToBeAttachedAsync();
        await Eventually.TrueAsync(() => thread.EvaluateAsync<bool>(AtBottom), "the thread to open at its newest message");

        await WritesAsync(session, http, "arrived while at the bottom", ticketId);
        await Assertions.Expect(thread).ToContainTextAsync("arrived while at the bottom");
        await Eventually.TrueAsync(() => thread.EvaluateAsync<bool>(AtBottom), "the thread to stay pinned to the newest message");
        await Assertions.Expect(button).ToBeHiddenAsync();

        await thread.EvaluateAsync("t => t.scrollTop = 0");
        await WritesAsync(session, http, "arrived while reading back", ticketId);
        await Assertions.Expect(thread).ToContainTextAsync("arrived while reading back");
        await Assertions.Expect(button).ToBeVisibleAsync();
        Assert.True(await thread.EvaluateAsync<bool>("t => t.scrollTop < 48"), "the thread must stay where the agent was reading");

        await button.ClickAsync();
        await Assertions.Expect(button).ToBeHiddenAsync();
        await Eventually.TrueAsync(() => thread.EvaluateAsync<bool>(AtBottom), "the button to bring the newest message into view");
    }

    /// <summary>The customer writes; returns the ticket once the message is stored.</summary>
    private static async Task<int> WritesAsync(BrowserSession session, HttpClient http, string text, int? ticketId)
    {
        var wamid = "wamid.SCROLL" + Guid.NewGuid().ToString("N");
        Assert.True((await Webhooks.PostSignedAsync(http, Encoding.UTF8.GetBytes(Webhooks.Text(Customer, text, wamid)))).IsSuccessStatusCode);
        await using var db = session.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the customer's message to be stored");
        var stored = await db.Messages.Where(m => m.Wamid == wamid).Select(m => m.TicketId).SingleAsync();
        Assert.True(ticketId is null || ticketId == stored);
        return stored;
    }
}
