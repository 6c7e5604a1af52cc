using System.Text;
using BowInbox.Core.Providers;
using BowInbox.Core.Routing;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Routing.Web;

public sealed class WhatsAppOfferTests
{
    [Fact]
    public async Task Customer_lead_reaches_a_technician_from_a_pool_number_and_accept_tells_the_customer_without_numbers()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, "burst pipe under the sink, downtown"));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => RoutingApp.PoolNumbers.Contains(r.PhoneNumberId)), "the offer to reach a technician");
        var offerRequest = app.Graph.Requests.Single(r => RoutingApp.PoolNumbers.Contains(r.PhoneNumberId));
        Assert.Contains(offerRequest.To, new[] { RoutingApp.TomWaId, RoutingApp.AnaWaId });
        Assert.Equal("new_lead_offer", offerRequest.Json["template"]?["name"]?.GetValue<string>());
        Assert.Contains("burst pipe under the sink", offerRequest.Body);
        Assert.DoesNotContain(RoutingApp.Customer, offerRequest.Body);

        var ack = app.Graph.Requests.Single(r => r.To == RoutingApp.Customer);
        Assert.Equal(DemoData.CentralPhoneNumberId, ack.PhoneNumberId);

        await Webhooks.PostSignedAsync(http, Webhooks.Text(offerRequest.To!, "/accept", phoneNumberId: offerRequest.PhoneNumberId, profileName: "Tech"));

        await Eventually.TrueAsync(() => app.Graph.Requests.Count(r => r.To == RoutingApp.Customer) == 2, "the customer to be told who is coming");
        var told = app.Graph.Requests.Where(r => r.To == RoutingApp.Customer).Last();
        Assert.Equal(DemoData.CentralPhoneNumberId, told.PhoneNumberId);
        var firstName = offerRequest.To == RoutingApp.TomWaId ? "Tom" : "Ana";
        Assert.Contains($"{firstName}, your plumber", told.Text);
        Assert.DoesNotContain(offerRequest.To!, told.Body);

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == offerRequest.To && r.Text?.Contains("is yours", StringComparison.Ordinal) == true), "the technician to be told the job is theirs");
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body));
        Assert.All(app.Graph.Requests.Where(r => r.To == RoutingApp.Customer), r => Assert.DoesNotContain("1555010000", r.Body));
        await using var db = app.CreateDbContext();
        Assert.NotNull(await db.UnroutedMessages.Where(m => m.Text == "/accept").Select(m => m.HandledAt).SingleAsync());
    }

    [Fact]
    public async Task Offer_inside_the_window_has_buttons_and_the_button_reply_accepts_it()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        foreach (var pool in RoutingApp.PoolNumbers)
        {
            await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.TomWaId, "/online", phoneNumberId: pool));
        }

        await Eventually.TrueAsync(() => app.Graph.Requests.Count(r => r.To == RoutingApp.TomWaId) == 3, "the technician's commands to be answered");
        var ticketId = await app.LeadOfferedAsync();
        var offer = await app.PendingOfferAsync(ticketId);
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.Json["interactive"] is not null), "the interactive offer to be sent");
        var sent = app.Graph.Requests.Single(r => r.Json["interactive"] is not null);
        Assert.Equal(offer.PoolPhoneNumberId, sent.PhoneNumberId);
        var buttons = sent.Json["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([$"offer:accept:{offer.Id}", $"offer:decline:{offer.Id}"], buttons);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Offers.AnyAsync(o => o.Id == offer.Id && o.Wamid != null && o.Wamid.StartsWith("wamid.FAKE")), "the sent offer's wamid to be stored on the offer");

        await Webhooks.PostSignedAsync(http, Webhooks.Message(RoutingApp.TomWaId, offer.PoolPhoneNumberId!, $"wamid.BTN{Guid.NewGuid():N}", Webhooks.ButtonReply($"offer:accept:{offer.Id}", "Accept"), profileName: "Tom"));

        await Eventually.TrueAsync(() => db.Offers.AnyAsync(o => o.Id == offer.Id && o.Status == OfferStatus.Accepted), "the button to accept the offer");
    }

    [Fact]
    public async Task Away_and_online_commands_change_availability_and_bare_accept_without_offers_is_answered()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.TomWaId, "/away", phoneNumberId: RoutingApp.PoolNumbers[0]));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Providers.AnyAsync(p => p.DisplayName == "Tom Baker" && p.Availability == ProviderAvailability.Away), "Tom to be away");

        var ticketId = await app.LeadOfferedAsync();
        Assert.Equal(await app.ProviderIdAsync("Ana Lopez"), (await app.PendingOfferAsync(ticketId)).ProviderId);

        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.TomWaId, "/accept", phoneNumberId: RoutingApp.PoolNumbers[0]));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.TomWaId && r.Text == "You have no open offers right now."), "Tom to be told he has no offers");

        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.TomWaId, "/online", phoneNumberId: RoutingApp.PoolNumbers[0]));
        await Eventually.TrueAsync(() => db.Providers.AnyAsync(p => p.DisplayName == "Tom Baker" && p.Availability == ProviderAvailability.Online), "Tom to be online again");
    }
}
