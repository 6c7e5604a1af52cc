using BowInbox.Core.Routing;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Insurance;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Insurance;

/// <summary>An insurance request over WhatsApp: policy detected, routed to the insurer's desk, handed to underwriting.</summary>
public sealed class InsuranceFlowTests
{
    private const string Desk = "15550100005";
    private const string Underwriter = "15550100006";

    [Fact]
    public async Task Policy_is_detected_routed_to_the_desk_and_handed_to_underwriting_with_the_customer_told()
    {
        await using var app = new RoutingApp();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "Hello, I want to add my son to my Acme car policy POL-55501001");
        var offer = await app.PendingOfferAsync(ticketId);

        // Detected and routed to the desk, whatever service and area say; the policy number was not read as a phone.
        await using (var db = app.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            var acme = await db.Insurers.SingleAsync();
            Assert.Equal(acme.Id, ticket.InsurerId);
            Assert.Equal("POL-55501001", (await db.ExternalReferences.SingleAsync(r => r.TicketId == ticketId && r.Kind == InsuranceIntake.PolicyKind)).Value);
            Assert.Equal(acme.DeskGroupId, offer.GroupId);
            Assert.Empty(await db.PolicyViolations.Where(v => v.TicketId == ticketId).ToListAsync());
        }

        Assert.Equal(await app.ProviderIdAsync("Ines Costa"), offer.ProviderId);
        Assert.Equal(OfferAnswer.Accepted, (await app.Get<OfferResponses>().AcceptAsync(offer.Id, offer.ProviderId)).Answer);

        // The desk's first reply ends its first response time, which /supervisor shows per insurer.
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Desk, "Hello, I am looking at your policy now", phoneNumberId: offer.PoolPhoneNumberId!));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && (r.Text ?? "").Contains("looking at your policy", StringComparison.Ordinal)), "the desk's reply");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var frt = Assert.Single(await app.Get<InsurerResponseReport>().ForAsync(now.AddDays(-1), now.AddDays(1)));
        Assert.Equal(("Acme Insurance", 1, 0), (frt.Insurer, frt.Stats.Count, frt.Waiting));
        Assert.True(frt.MeetsGoal);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(Desk, "/handoff_to_underwriter wants a higher cover, call me on 555 010 0001", phoneNumberId: offer.PoolPhoneNumberId!));

        var next = await app.PendingOfferAsync(ticketId);
        Assert.Equal(await app.ProviderIdAsync("Umar Hale"), next.ProviderId);
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == Underwriter), "the offer to underwriting");
        var toUnderwriter = app.Graph.Requests.First(r => r.To == Underwriter).Body;
        Assert.Contains("wants a higher cover", toUnderwriter, StringComparison.Ordinal);
        Assert.DoesNotContain("010 0001", toUnderwriter, StringComparison.Ordinal);

        // The customer is told on the same thread in neutral words, and never sees a desk member's number.
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && (r.Text ?? "").Contains("specialist team", StringComparison.Ordinal)), "the customer to be told");
        var toCustomer = app.Graph.Requests.Where(r => r.To == RoutingApp.Customer).Select(r => r.Body).ToList();
        Assert.All(toCustomer, body => Assert.DoesNotContain(Desk, body, StringComparison.Ordinal));
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body, StringComparison.Ordinal));

        await using var after = app.CreateDbContext();
        Assert.Single(await after.Tickets.Where(t => t.ContactId == after.Tickets.Single(x => x.Id == ticketId).ContactId).ToListAsync());
        Assert.Contains(await after.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(), k => k == UnderwriterHandoff.EventKind);
        Assert.DoesNotContain(await after.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Detail).ToListAsync(), d => d.Contains("010 0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Customer_who_chooses_insurance_is_asked_for_the_insurer_then_the_policy_and_reaches_the_desk()
    {
        await using var app = new RoutingApp();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "I have a question about my insurance");

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Body.Contains("intake:insurer:", StringComparison.Ordinal)), "the insurer list");
        await ChannelTestData.CustomerWroteAsync(app, "Acme Insurance");
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && (r.Text ?? "").Contains("policy number", StringComparison.Ordinal)), "the policy question");
        Assert.Empty(await app.OffersAsync(ticketId));

        await ChannelTestData.CustomerWroteAsync(app, "it is pol-12345678");
        var offer = await app.PendingOfferAsync(ticketId);

        Assert.Equal(await app.ProviderIdAsync("Ines Costa"), offer.ProviderId);
        await using var db = app.CreateDbContext();
        Assert.Equal("POL-12345678", (await db.ExternalReferences.SingleAsync(r => r.TicketId == ticketId)).Value);
    }

    [Fact]
    public async Task A_technician_outside_the_insurers_desk_cannot_hand_to_underwriting()
    {
        await using var app = new RoutingApp();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "My Acme policy POL-55501001 needs a change");
        var offer = await app.PendingOfferAsync(ticketId);
        Assert.Equal(OfferAnswer.Declined, (await app.Get<OfferResponses>().DeclineAsync(offer.Id, offer.ProviderId)).Answer);
        var tom = await app.ProviderIdAsync("Tom Baker");
        await Eventually.TrueAsync(async () => (await app.Get<TicketRouter>().OfferToAsync(ticketId, tom, "Sam Supervisor")).Offered, "the offer to Tom");
        var toTom = await app.PendingOfferAsync(ticketId);
        Assert.Equal(OfferAnswer.Accepted, (await app.Get<OfferResponses>().AcceptAsync(toTom.Id, tom)).Answer);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(RoutingApp.TomWaId, "/handoff_to_underwriter please", phoneNumberId: toTom.PoolPhoneNumberId!));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.TomWaId && (r.Text ?? "").Contains("Only Acme Insurance's desk", StringComparison.Ordinal)), "the refusal");
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal((Core.Tickets.TicketStatus.Assigned, tom), (ticket.Status, ticket.ProviderId));
        Assert.DoesNotContain(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(), k => k == UnderwriterHandoff.EventKind);
    }
}
