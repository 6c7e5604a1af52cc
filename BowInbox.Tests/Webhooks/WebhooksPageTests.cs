using BowInbox.Core.Webhooks;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Admin;
using BowInbox.Web.Webhooks;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.OutgoingWebhooks;

/// <summary>The admin page subscribing a URL, with the real services of a running app.</summary>
public sealed class WebhooksPageTests : AppComponentTest
{
    public WebhooksPageTests()
    {
        UseAppService<WebhookSubscriptions>();
        UseAppService<WebhookDeliveryLog>();
        SignInAs("admin@demo.local", Roles.Admin);
    }

    [Fact]
    public async Task Admin_is_told_what_is_wrong_then_subscribes_and_sees_the_secret_once()
    {
        var page = Render<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Contains("No subscriptions yet.", page.Markup, StringComparison.Ordinal));
        Assert.Contains("csat.received", page.Markup, StringComparison.Ordinal);
        Assert.Contains("not sent yet", page.Markup, StringComparison.Ordinal);

        await page.Find("[data-testid=webhook-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Enter the URL that should receive the events.", page.Find("[data-testid=webhook-error]").TextContent.Trim()));

        page.Find("[data-testid=webhook-url] input, input[data-testid=webhook-url]").Input("https://hooks.example.com/bowinbox");
        await page.Find("[data-testid=webhook-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Pick at least one event.", page.Find("[data-testid=webhook-error]").TextContent.Trim()));

        page.Find($"[data-testid='webhook-event-{WebhookEventTypes.TicketResolved}'] input, input[data-testid='webhook-event-{WebhookEventTypes.TicketResolved}']").Change(true);
        await page.Find("[data-testid=webhook-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("whsec_", page.Find("[data-testid=webhook-secret]").TextContent, StringComparison.Ordinal));
        Assert.Contains("https://hooks.example.com/bowinbox", page.Find("[data-testid=webhook-subscription]").TextContent, StringComparison.Ordinal);
        await using var db = App.CreateDbContext();
        var stored = await db.WebhookSubscriptions.AsNoTracking().SingleAsync();
        Assert.Equal(WebhookEventTypes.TicketResolved, stored.EventTypes);
        Assert.DoesNotContain("whsec_", stored.SecretProtected, StringComparison.Ordinal);
    }
}
