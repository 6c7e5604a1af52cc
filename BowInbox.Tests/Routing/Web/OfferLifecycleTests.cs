using BowInbox.Core.Messaging;
using BowInbox.Core.Routing;
using BowInbox.Core.Tickets;
using BowInbox.Tests.Support;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.Routing.Web;

public sealed class OfferLifecycleTests
{
    [Fact]
    public async Task Lead_is_offered_by_round_robin_with_an_explanation()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();

        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Provider).SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Offered, ticket.Status);
        Assert.Equal(("plumbing", "downtown"), (ticket.ServiceType, ticket.Area));
        Assert.Equal("Tom Baker", ticket.Provider!.DisplayName);
        Assert.Equal("plumbing from 'burst'; downtown from 'downtown'; offered to Tom by round robin", ticket.RoutingExplanation);
        Assert.Equal(1, await db.ProviderGroups.Where(g => g.Name == "Plumbers - Downtown").Select(g => g.RoundRobinCursor).SingleAsync());
        Assert.Contains(await db.TicketEvents.Where(e => e.TicketId == ticketId).Select(e => e.Kind).ToListAsync(), k => k == "offered");
    }

    [Fact]
    public async Task Expired_offer_goes_to_the_next_provider()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var first = await app.PendingOfferAsync(ticketId);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await app.RunExpiryJobAsync();
        Assert.Equal(first.Id, (await app.PendingOfferAsync(ticketId)).Id);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunExpiryJobAsync();

        var offers = await app.OffersAsync(ticketId);
        Assert.Equal([OfferStatus.Expired, OfferStatus.Pending], offers.Select(o => o.Status));
        Assert.Equal(await app.ProviderIdAsync("Ana Lopez"), offers[1].ProviderId);
        Assert.Equal(2, offers[1].Attempt);
        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal((TicketStatus.Offered, offers[1].ProviderId), (ticket.Status, ticket.ProviderId));
        Assert.EndsWith("offered to Ana by round robin", ticket.RoutingExplanation);
    }

    [Fact]
    public async Task Ticket_is_escalated_when_every_offer_expires_and_the_customer_is_told()
    {
        await using var app = new RoutingApp();
        await using var supervisor = await HubClients.ConnectAsync(app, "supervisor@demo.local");
        var ticketId = await app.LeadOfferedAsync();

        for (var round = 0; round < 2; round++)
        {
            await app.PendingOfferAsync(ticketId);
            app.Clock.Advance(TimeSpan.FromMinutes(6));
            await app.RunExpiryJobAsync();
        }

        await using var db = app.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Null(ticket.ProviderId);
        Assert.All(await app.OffersAsync(ticketId), o => Assert.Equal(OfferStatus.Expired, o.Status));
        Assert.Single(await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == RoutingEscalation.EventKind).ToListAsync());
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Text == BowInbox.Core.Intake.CustomerTexts.BuiltIn.Get("en", "still-on-it", ("ticket", ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture)))), "the customer to be told we are still on it");
        await supervisor.WaitForAsync(BowInbox.Web.Live.InboxClientMethods.TicketUpdated, ticketId, c => c.Payload.GetProperty("status").GetString() == "Escalated");

        await app.RunExpiryJobAsync();
        Assert.Single(await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == RoutingEscalation.EventKind).ToListAsync());
    }

    [Fact]
    public async Task Declined_offer_goes_to_the_next_provider_at_once()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var first = await app.PendingOfferAsync(ticketId);

        var result = await app.Get<OfferResponses>().DeclineAsync(first.Id, first.ProviderId);

        Assert.Equal(OfferAnswer.Declined, result.Answer);
        var offers = await app.OffersAsync(ticketId);
        Assert.Equal([OfferStatus.Declined, OfferStatus.Pending], offers.Select(o => o.Status));
        Assert.NotEqual(first.ProviderId, offers[1].ProviderId);
        Assert.Equal(OfferAnswer.AlreadyAnswered, (await app.Get<OfferResponses>().DeclineAsync(first.Id, first.ProviderId)).Answer);
        Assert.Equal(2, (await app.OffersAsync(ticketId)).Count);
    }

    [Fact]
    public async Task Answering_another_providers_offer_says_nothing_of_it()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var toms = await app.PendingOfferAsync(ticketId);
        await app.Get<OfferResponses>().DeclineAsync(toms.Id, toms.ProviderId);
        var anaId = await app.ProviderIdAsync("Ana Lopez");
        var uma = await app.ProviderIdAsync("Uma Reed");

        var declined = await app.Get<OfferResponses>().DeclineAsync(toms.Id, uma);
        var accepted = await app.Get<OfferResponses>().AcceptAsync(toms.Id, anaId);

        Assert.Equal((OfferAnswer.NotFound, 0), (declined.Answer, declined.TicketId));
        Assert.DoesNotContain($"#{ticketId}", declined.Message, StringComparison.Ordinal);
        Assert.Equal((OfferAnswer.NotFound, 0), (accepted.Answer, accepted.TicketId));
    }

    [Fact]
    public async Task Restart_between_offer_and_expiry_neither_loses_nor_duplicates_the_offer()
    {
        int ticketId;
        string folder;
        var start = DateTimeOffset.UtcNow;
        await using (var first = new RoutingApp(new FakeTimeProvider(start)) { KeepFolder = true })
        {
            ticketId = await first.LeadOfferedAsync();
            folder = first.Folder;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var restarted = new RoutingApp(new FakeTimeProvider(start.AddMinutes(6)), folder);
        _ = restarted.Server;
        Assert.Single(await restarted.OffersAsync(ticketId));

        await Task.WhenAll(restarted.RunExpiryJobAsync(), restarted.RunExpiryJobAsync());
        await restarted.RunExpiryJobAsync();

        var offers = await restarted.OffersAsync(ticketId);
        Assert.Equal([OfferStatus.Expired, OfferStatus.Pending], offers.Select(o => o.Status));
        await using var db = restarted.CreateDbContext();
        Assert.Single(await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == LeadIntake.Acknowledged).ToListAsync());
        Assert.Equal(2, await db.Messages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider));
    }

    [Fact]
    public async Task Two_accepts_for_the_same_ticket_assign_it_exactly_once()
    {
        await using var app = new RoutingApp();
        var ticketId = await app.LeadOfferedAsync();
        var tom = await app.PendingOfferAsync(ticketId);
        var anaId = await app.ProviderIdAsync("Ana Lopez");
        long anaOfferId;
        await using (var db = app.CreateDbContext())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var ana = new Offer { TicketId = ticketId, ProviderId = anaId, GroupId = tom.GroupId, PoolPhoneNumberId = tom.PoolPhoneNumberId, OfferedAt = now, ExpiresAt = now.AddMinutes(5), Attempt = 2 };
            db.Offers.Add(ana);
            await db.SaveChangesAsync();
            anaOfferId = ana.Id;
        }

        var responses = app.Get<OfferResponses>();
        var results = await Task.WhenAll(
            Task.Run(() => responses.AcceptAsync(tom.Id, tom.ProviderId)),
            Task.Run(() => responses.AcceptAsync(anaOfferId, anaId)),
            Task.Run(() => responses.AcceptAsync(tom.Id, tom.ProviderId)));

        Assert.Single(results, r => r.Answer == OfferAnswer.Accepted);
        await using var check = app.CreateDbContext();
        var ticket = await check.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        var offers = await app.OffersAsync(ticketId);
        var accepted = Assert.Single(offers, o => o.Status == OfferStatus.Accepted);
        Assert.Equal(accepted.ProviderId, ticket.ProviderId);
        Assert.DoesNotContain(offers, o => o.Status == OfferStatus.Pending);
        Assert.Single(await check.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == "accepted").ToListAsync());
        Assert.Contains(results, r => r.Answer == OfferAnswer.Taken);
    }
}
