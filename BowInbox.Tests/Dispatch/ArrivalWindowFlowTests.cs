using System.Security.Claims;
using BowInbox.Core.Kpi;
using BowInbox.Data.Identity;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Kpi;
using BowInbox.Web.Relay;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Dispatch;

/// <summary>Home-services dispatch over WhatsApp: a lead accepted, the arrival window confirmed and changed, the customer told.</summary>
public sealed class ArrivalWindowFlowTests
{
    [Fact]
    public async Task Accepted_job_gets_an_arrival_window_the_customer_is_told_without_numbers_and_dispatch_is_measured()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        var ticketId = await app.LeadOfferedAsync();
        var offer = await app.PendingOfferAsync(ticketId);
        var technician = offer.ProviderId == await app.ProviderIdAsync("Tom Baker") ? RoutingApp.TomWaId : RoutingApp.AnaWaId;
        var other = technician == RoutingApp.TomWaId ? RoutingApp.AnaWaId : RoutingApp.TomWaId;
        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/accept", phoneNumberId: offer.PoolPhoneNumberId!, profileName: "Tech"));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the job to be accepted");
        var pool = await db.RelaySessions.Where(s => s.TicketId == ticketId && s.ClosedAt == null).Select(s => s.PoolPhoneNumberId).SingleAsync();

        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/eta tomorrow 9-11", phoneNumberId: pool, profileName: "Tech"));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Text?.Contains("will arrive", StringComparison.Ordinal) == true), "the customer to be told the window");
        var told = app.Graph.Requests.Last(r => r.To == RoutingApp.Customer);
        Assert.Equal(DemoData.CentralPhoneNumberId, told.PhoneNumberId);
        Assert.Contains("09:00–11:00", told.Text);
        Assert.Contains($"#{ticketId}", told.Text);
        Assert.DoesNotContain("1555010000", told.Body);
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == technician && r.Text?.Contains("Arrival confirmed", StringComparison.Ordinal) == true), "the technician to be answered");
        Assert.All(app.Graph.Requests.Where(r => r.To != RoutingApp.Customer), r => Assert.DoesNotContain(RoutingApp.Customer, r.Body));

        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.NotNull(ticket.ArrivalConfirmedAt);
        Assert.Equal(TimeSpan.FromHours(2), ticket.ArrivalWindowEnd - ticket.ArrivalWindowStart);
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "arrival-window"));

        // Time to dispatch runs to the confirmed window; the accepted offer became a scheduled job.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var report = KpiCalculator.Compute(await app.Get<KpiQueries>().FactsAsync(new KpiFilter(now.AddDays(-1), now.AddDays(1))));
        Assert.Equal(1, report.TimeToDispatch.Count);
        Assert.Equal(1.0, report.ScheduledRate);

        // A change is told again; the first confirmation stays the dispatch time.
        var confirmedAt = ticket.ArrivalConfirmedAt;
        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/eta tomorrow 13:00-15:00", phoneNumberId: pool, profileName: "Tech"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Text?.Contains("Change of time", StringComparison.Ordinal) == true && r.Text.Contains("13:00–15:00", StringComparison.Ordinal)), "the customer to be told the new window");
        Assert.Equal(confirmedAt, await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ArrivalConfirmedAt).SingleAsync());

        // The other technician can set no window on a job that is not his, on WhatsApp or in the web queue.
        await Webhooks.PostSignedAsync(http, Webhooks.Text(other, $"/eta {ticketId} 8-9", phoneNumberId: pool, profileName: "Other"));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.To == other && r.Text?.Contains($"no open job #{ticketId}", StringComparison.Ordinal) == true), "the other technician to be refused");
        var otherUser = await db.Providers.Where(p => p.WaIdHash != null && p.Id != offer.ProviderId && p.DisplayName == (other == RoutingApp.TomWaId ? "Tom Baker" : "Ana Lopez")).Select(p => p.UserId).SingleAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, otherUser), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));
        var refused = await app.Get<TechnicianJobActions>().ConfirmArrivalAsync(principal, ticketId, "tomorrow 8-9");
        Assert.False(refused.Succeeded);
        Assert.Equal(TechnicianJobActions.NotYours, refused.Message);
        var after = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Equal(13, after.ArrivalWindowStart!.Value.Hour);
    }

    [Fact]
    public async Task A_window_that_cannot_be_read_in_the_web_queue_changes_nothing_and_says_why()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        var ticketId = await app.LeadOfferedAsync();
        var offer = await app.PendingOfferAsync(ticketId);
        var technician = offer.ProviderId == await app.ProviderIdAsync("Tom Baker") ? RoutingApp.TomWaId : RoutingApp.AnaWaId;
        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/accept", phoneNumberId: offer.PoolPhoneNumberId!, profileName: "Tech"));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the job to be accepted");
        var userId = await db.Providers.Where(p => p.Id == offer.ProviderId).Select(p => p.UserId).SingleAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));
        var actions = app.Get<TechnicianJobActions>();

        var bad = await actions.ConfirmArrivalAsync(principal, ticketId, "16-14");
        Assert.False(bad.Succeeded);
        Assert.Contains("must end after it starts", bad.Message, StringComparison.Ordinal);
        Assert.Null(await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ArrivalConfirmedAt).SingleAsync());

        var good = await actions.ConfirmArrivalAsync(principal, ticketId, "tomorrow 10-12");
        Assert.True(good.Succeeded, good.Message);
        Assert.Contains("Arrival confirmed", good.Message, StringComparison.Ordinal);
        Assert.NotNull(await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ArrivalConfirmedAt).SingleAsync());
        var job = await app.Get<TechnicianQueue>().JobAsync(principal, ticketId);
        Assert.Contains("10:00–12:00", job!.ArrivalWindow, StringComparison.Ordinal);
    }
}
