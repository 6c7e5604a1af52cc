using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Components.Pages.Supervisor;
using BowInbox.Web.Kpi;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Kpi;

/// <summary>A status's pricing lands on the message it prices, and /supervisor shows the month's cost from it.</summary>
public sealed class MessagingCostTests : AppComponentTest
{
    private const string PricedWamid = "wamid.HBgLMTU1NTAxMDAwMDEVAgARGBJBQkNERUYwMTIzNDU2Nzg5MAA=";

    public MessagingCostTests()
    {
        App.Settings["MessagingPrices:Currency"] = "EUR";
        App.Settings["MessagingPrices:PerMessage:utility"] = "0.02";
        UseAppService<MessagingCosts>();
    }

    [Fact]
    public async Task A_priced_reply_is_counted_billed_and_priced_per_category_and_month()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);
        App.Graph.NextWamid(PricedWamid);
        var reply = await App.Replies().ReplyAsync(ticketId, "A plumber is on the way", ChannelTestData.Agent);
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == reply.MessageId && m.Wamid == PricedWamid), "the reply to be sent");

        await Webhooks.PostSignedAsync(App.CreateBrowserlessClient(), Fixtures.Text("status_sent_template_utility_pmp.json"));

        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == reply.MessageId && m.PricingCategory == "utility"), "the pricing to be recorded");
        var priced = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == reply.MessageId);
        Assert.Equal((true, "regular", "PMP"), (priced.PricingBillable, priced.PricingType, priced.PricingModel));

        var table = Render<MessagingCostTable>();

        table.WaitForAssertion(() => Assert.Single(table.FindAll("[data-testid=messaging-cost-row]")));
        var cells = table.Find("[data-testid=messaging-cost-row]").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "utility", "1", "1", "0.02 EUR", "0.02 EUR"], cells);
        Assert.Equal("0.02 EUR", table.Find("[data-testid=messaging-costs-total]").TextContent.Trim());
        Assert.Contains("not Meta's invoice", table.Find("[data-testid=messaging-costs-explained]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0.02m, await App.Services.GetService<MessagingCosts>()!.LastThirtyDaysAsync(DateTime.UtcNow, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Without_priced_messages_the_table_says_so()
    {
        var table = Render<MessagingCostTable>();

        table.WaitForAssertion(() => Assert.Contains("No sent message has reported pricing", table.Find("[data-testid=messaging-costs-empty]").TextContent, StringComparison.Ordinal));
    }
}
