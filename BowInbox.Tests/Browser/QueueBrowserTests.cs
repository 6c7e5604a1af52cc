using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using BowInbox.Web.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class QueueBrowserTests
{
    private const string Customer = "15557000555";

    [Fact]
    public async Task Technician_on_a_phone_replies_from_the_queue_and_the_customer_phone_receives_it()
    {
        var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "";
        await using var session = await BrowserSession.StartAsync(app);
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl) };
        Assert.True((await Webhooks.PostSignedAsync(http, Webhooks.Text(Customer, "Water heater broken", profileName: "Rosa Diaz"))).IsSuccessStatusCode);
        int ticketId;
        await using (var db = app.CreateDbContext())
        {
            await Eventually.TrueAsync(() => db.Tickets.AnyAsync(), "the ticket");
            ticketId = await db.Tickets.Select(t => t.Id).SingleAsync();
            var tom = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.Id).SingleAsync();
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "x"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));
            var assigned = await app.Services.GetRequiredService<RelayAssignment>().AssignAsync(staff, ticketId, tom);
            Assert.True(assigned.Succeeded, assigned.Message);
        }

        var page = await session.LoginAsync("tech1@demo.local", viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.WaitForURLAsync("**/queue");

        // A click before the circuit is up races it: the circuit can start on the list after the URL has moved on.
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("queue-job-link").Filter(new() { HasText = $"#{ticketId}" }).ClickAsync();
        await page.WaitForURLAsync($"**/queue/{ticketId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("queue-thread")).ToContainTextAsync("Rosa");
        Assert.DoesNotContain(Customer, await page.ContentAsync());

        await page.GetByTestId("queue-reply-input").FillAsync("Hi Rosa, I can be there at 3pm");
        await page.GetByTestId("queue-reply-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("queue-thread")).ToContainTextAsync("I can be there at 3pm");

        var phones = app.Services.GetRequiredService<SimulatorPhones>();
        await Eventually.TrueAsync(() => phones.For(Customer).Any(m => !m.FromPhone && m.Text == "Tom: Hi Rosa, I can be there at 3pm"), "the reply on the customer's simulated phone");
        var devPhones = await session.LoginAsync("admin@demo.local");
        await devPhones.WaitForURLAsync("**/admin");
        await devPhones.GotoAsync("/dev/phones");
        await Assertions.Expect(devPhones.GetByTestId("phone-log")).ToContainTextAsync("Tom: Hi Rosa, I can be there at 3pm");
    }
}
