using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

public sealed class SimulatedSubscriptionTests
{
    [Fact]
    public async Task The_development_simulator_answers_the_subscribed_apps_calls()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:GraphApiBaseUrl"] = "";
        await using var db = app.CreateDbContext();
        var central = await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.PhoneNumberId == "100000000000001");
        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        Assert.Null(await numbers.SaveAsync("admin@demo.local", new NumberForm(central.Id, central.PhoneNumberId, "+" + central.DisplayNumber, NumberPurpose.Central, null, true, null, "5001")));
        var subscriptions = app.Services.GetRequiredService<WabaSubscriptions>();

        Assert.Empty(await subscriptions.CheckAllAsync());
        Assert.True((await db.ProxyNumbers.AsNoTracking().SingleAsync(n => n.Id == central.Id)).WabaSubscribed);
        Assert.Null(await subscriptions.SubscribeAsync("admin@demo.local", central.Id));
    }
}
