using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Routing.Web;

/// <summary>A shared WhatsApp location or a postcode in the text places the customer in an area, and the lead goes to that area's group.</summary>
public sealed class LocationIntakeTests
{
    [Fact]
    public async Task A_location_shared_inside_an_area_circle_sets_the_area_and_offers_the_lead_to_its_group()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, "My kitchen sink is leaking, it's urgent"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Json["interactive"]?["type"]?.GetValue<string>() == "location_request_message"
            && r.Json["interactive"]?["body"]?["text"]?.GetValue<string>() is { } body && body.Contains("send your location", StringComparison.Ordinal)), "the area question's Send location button");

        await Webhooks.PostSignedAsync(http, Webhooks.Message(RoutingApp.Customer, Webhooks.OurNumber, $"wamid.LOC{Guid.NewGuid():N}",
            "\"type\":\"location\",\"location\":{\"latitude\":40.7880,\"longitude\":-73.9760,\"name\":\"Home\",\"address\":\"88 W 80th St\"}"));

        var ticketId = await TicketIdAsync(app);
        var offer = await app.PendingOfferAsync(ticketId);
        Assert.Equal(await app.ProviderIdAsync("Uma Reed"), offer.ProviderId);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(("plumbing", "uptown"), (ticket.ServiceType, ticket.Area));
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Detail).ToListAsync(), d => d != null && d.Contains("uptown from location", StringComparison.Ordinal));
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body));
    }

    [Fact]
    public async Task A_postcode_in_the_text_sets_the_area_without_asking()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync("Burst pipe under the sink, I'm at 10024");

        var offer = await app.PendingOfferAsync(ticketId);
        Assert.Equal(await app.ProviderIdAsync("Uma Reed"), offer.ProviderId);
        await using var db = app.CreateDbContext();
        Assert.Equal("uptown", (await db.Tickets.SingleAsync(t => t.Id == ticketId)).Area);
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == RoutingApp.Customer && r.Json["interactive"]?["type"]?.GetValue<string>() == "list");
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body));
    }

    private static async Task<int> TicketIdAsync(RoutingApp app)
    {
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(), "the ticket");
        return await db.Tickets.Select(t => t.Id).SingleAsync();
    }
}
