using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Routing.Web;

public sealed class LeadIntakeTests
{
    [Fact]
    public async Task Missing_service_area_and_urgency_are_each_asked_once_and_the_lead_is_routed_when_known()
    {
        await using var app = new RoutingApp();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "hello there");
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Body.Contains("What do you need help with", StringComparison.Ordinal)), "the service question");
        await ChannelTestData.CustomerWroteAsync(app, "are you there?");
        await ChannelTestData.CustomerWroteAsync(app, "my tap is leaking");
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Body.Contains("Which area are you in", StringComparison.Ordinal)), "the area question");
        await ChannelTestData.CustomerWroteAsync(app, "thanks");

        await ChannelTestData.CustomerWroteAsync(app, "I am uptown");
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Body.Contains("How urgent is it?", StringComparison.Ordinal)), "the urgency question");
        await ChannelTestData.CustomerWroteAsync(app, "this week is fine");
        var offer = await app.PendingOfferAsync(ticketId);

        Assert.Equal(await app.ProviderIdAsync("Uma Reed"), offer.ProviderId);
        var toCustomer = app.Graph.Requests.Where(r => r.To == RoutingApp.Customer).Select(r => r.Body).ToList();
        Assert.Single(toCustomer, t => t.Contains("thanks for your message", StringComparison.Ordinal));
        Assert.Single(toCustomer, t => t.Contains("What do you need help with", StringComparison.Ordinal));
        Assert.Single(toCustomer, t => t.Contains("Which area are you in", StringComparison.Ordinal));
        Assert.Single(toCustomer, t => t.Contains("How urgent is it?", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(("plumbing", "uptown", TicketStatus.Offered, Urgency.Normal), (ticket.ServiceType, ticket.Area, ticket.Status, ticket.Urgency));
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Detail).ToListAsync(), d => d.EndsWith("ThisWeek", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalated_lead_can_be_offered_to_a_provider_staff_choose()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync("urgent: no power in the kitchen, downtown");
        await using var db = app.CreateDbContext();
        Assert.Equal(Urgency.Urgent, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Urgency).SingleAsync());
        Assert.Equal(await app.ProviderIdAsync("Eli Watts"), (await app.PendingOfferAsync(ticketId)).ProviderId);

        var declined = await app.Get<OfferResponses>().DeclineAsync((await app.PendingOfferAsync(ticketId)).Id, await app.ProviderIdAsync("Eli Watts"));
        Assert.Equal(OfferAnswer.Declined, declined.Answer);
        Assert.Equal(TicketStatus.Escalated, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync());

        var outcome = await app.Get<TicketRouter>().OfferToAsync(ticketId, await app.ProviderIdAsync("Tom Baker"), "Ivy Intake");

        Assert.True(outcome.Offered, outcome.Message);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Offered, ticket.Status);
        Assert.EndsWith("offered to Tom by Ivy Intake", ticket.RoutingExplanation);
    }

    [Fact]
    public async Task Admin_rules_are_validated_stored_audited_and_used()
    {
        await using var app = new RoutingApp();
        var store = app.Get<RoutingRulesStore>();
        Assert.Contains("valid JSON", await store.SaveAsync("admin@demo.local", "{ not json"));
        var noKeywords = QualificationRules.Default with { Services = [new ServiceRule("plumbing", [])] };
        Assert.Contains("needs at least one keyword", await store.SaveAsync("admin@demo.local", RoutingRulesStore.ToJson(noKeywords)));

        var withRoofing = QualificationRules.Default with { Services = [.. QualificationRules.Default.Services, new ServiceRule("roofing", ["roof", "shingles"])] };
        Assert.Null(await store.SaveAsync("admin@demo.local", RoutingRulesStore.ToJson(withRoofing)));

        var ticketId = await ChannelTestData.CustomerWroteAsync(app, "my roof leaks shingles everywhere downtown");
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == TicketStatus.Escalated), "a lead no group covers to be escalated");
        Assert.Equal("roofing", await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ServiceType).SingleAsync());
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.PolicyChanged && e.Target == RoutingRulesStore.Key).ToListAsync());
    }
}
