using BowInbox.Core.Alerts;
using BowInbox.Core.Csat;
using BowInbox.Tests.Routing.Web;
using BowInbox.Tests.Support;
using BowInbox.Web.Csat;
using BowInbox.Web.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Csat;

/// <summary>A resolved job's customer is asked to rate it once, from the central number; a low rating alerts supervisors.</summary>
public sealed class CsatFlowTests
{
    [Fact]
    public async Task Resolved_job_is_surveyed_once_a_low_rating_is_stored_alerted_and_counted()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        var (ticketId, technician) = await ResolvedJobAsync(app, http);
        await using var db = app.CreateDbContext();

        // Not yet: the delay (10 minutes by default) has not passed.
        await RunSurveyAsync(app);
        Assert.False(await db.CsatSurveys.AnyAsync(s => s.TicketId == ticketId));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunSurveyAsync(app);
        await Eventually.TrueAsync(() => Task.FromResult(app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Body.Contains("csat:", StringComparison.Ordinal))), "the survey to reach the customer");
        var survey = app.Graph.Requests.Single(r => r.To == RoutingApp.Customer && r.Body.Contains("csat:", StringComparison.Ordinal));
        Assert.Equal(DemoData.CentralPhoneNumberId, survey.PhoneNumberId);
        Assert.Contains($"csat:{ticketId}:2", survey.Body, StringComparison.Ordinal);
        Assert.Contains($"#{ticketId}", survey.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(technician, survey.Body, StringComparison.Ordinal);
        Assert.All(RoutingApp.PoolNumbers, pool => Assert.DoesNotContain(pool, survey.Body, StringComparison.Ordinal));

        // The customer taps "2 - Bad": stored on the resolved ticket (no new ticket), thanked, supervisors alerted.
        var tickets = await db.Tickets.CountAsync();
        await Webhooks.PostSignedAsync(http, Webhooks.Message(RoutingApp.Customer, Webhooks.OurNumber, "wamid.CSAT1", ListReply($"csat:{ticketId}:2", "2 - Bad")));
        await Eventually.TrueAsync(() => db.CsatSurveys.AnyAsync(s => s.TicketId == ticketId && s.Rating == 2), "the rating to be stored");
        await Eventually.TrueAsync(() => Task.FromResult(app.Graph.Requests.Any(r => r.To == RoutingApp.Customer && r.Text?.Contains("Thank you for your rating", StringComparison.Ordinal) == true)), "the customer to be thanked");
        var alert = await db.SupervisorAlerts.AsNoTracking().SingleAsync(a => a.Kind == SupervisorAlertKind.LowRating);
        Assert.Equal(ticketId, alert.TicketId);
        Assert.DoesNotContain(RoutingApp.Customer, alert.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(technician, alert.Summary, StringComparison.Ordinal);

        // The next text is the comment (contact details removed); it opens no ticket either.
        await Webhooks.PostSignedAsync(http, Webhooks.Text(RoutingApp.Customer, "He came late, call me on +1 650 253 0000"));
        await Eventually.TrueAsync(() => db.CsatSurveys.AnyAsync(s => s.TicketId == ticketId && s.Status == CsatStatus.Commented), "the comment to be stored");
        var stored = await db.CsatSurveys.AsNoTracking().SingleAsync(s => s.TicketId == ticketId);
        Assert.Contains("came late", stored.Comment, StringComparison.Ordinal);
        Assert.DoesNotContain("253 0000", stored.Comment, StringComparison.Ordinal);
        Assert.Equal(tickets, await db.Tickets.CountAsync());
        Assert.Single(app.Graph.Requests, r => r.To == RoutingApp.Customer && r.Text?.Contains("Thank you for your rating", StringComparison.Ordinal) == true);

        // /supervisor's numbers: one rating, none satisfied, for the technician who did the job.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var report = await app.Get<CsatQueries>().ReportAsync(now.AddDays(-1), now.AddDays(1));
        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(0.0, report.Overall.Satisfied);
        Assert.True(report.Overall.IsSmallSample);
        Assert.Equal(1, Assert.Single(report.ByProvider).Count);
        Assert.Equal(1, Assert.Single(report.ByGroup).Count);

        // The page shows them to a supervisor by name only, and to a technician not at all.
        var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
        var page = await supervisor.GetStringAsync("/supervisor");
        Assert.Contains("csat-by-provider", page, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(report.ByProvider).Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingApp.Customer, page, StringComparison.Ordinal);
        Assert.DoesNotContain(technician, page, StringComparison.Ordinal);
        var tech = await Login.AsAsync(app, "tech1@demo.local");
        var denied = await tech.GetAsync("/supervisor");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, denied.StatusCode);
        Assert.DoesNotContain("csat-panel", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A second sweep asks nothing again.
        var surveys = app.Graph.Requests.Count(r => r.Body.Contains("csat:", StringComparison.Ordinal));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await RunSurveyAsync(app);
        Assert.Equal(surveys, app.Graph.Requests.Count(r => r.Body.Contains("csat:", StringComparison.Ordinal)));
        Assert.Equal(1, await db.CsatSurveys.CountAsync());
    }

    [Fact]
    public async Task A_closed_window_sends_no_survey_and_says_why()
    {
        await using var app = new RoutingApp();
        var http = app.CreateBrowserlessClient();
        var (ticketId, _) = await ResolvedJobAsync(app, http);
        await using var db = app.CreateDbContext();
        var longAgo = app.Clock.GetUtcNow().UtcDateTime.AddHours(-25);
        await db.ConversationWindows.Where(w => w.PhoneNumberId == DemoData.CentralPhoneNumberId).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastInboundAt, longAgo));

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunSurveyAsync(app);

        var survey = await db.CsatSurveys.AsNoTracking().SingleAsync(s => s.TicketId == ticketId);
        Assert.Equal(CsatStatus.Skipped, survey.Status);
        Assert.Contains("24-hour window", survey.SkipReason, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("csat:", StringComparison.Ordinal));
    }

    private static string ListReply(string id, string title)
        => "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"" + id + "\",\"title\":\"" + title + "\"}}";

    private static async Task RunSurveyAsync(RoutingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CsatSurveyJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<(int TicketId, string Technician)> ResolvedJobAsync(RoutingApp app, HttpClient http)
    {
        var ticketId = await app.LeadOfferedAsync();
        var offer = await app.PendingOfferAsync(ticketId);
        var technician = offer.ProviderId == await app.ProviderIdAsync("Tom Baker") ? RoutingApp.TomWaId : RoutingApp.AnaWaId;
        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/accept", phoneNumberId: offer.PoolPhoneNumberId!, profileName: "Tech"));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.RelaySessions.AnyAsync(s => s.TicketId == ticketId && s.ClosedAt == null), "the job to be accepted");
        var pool = await db.RelaySessions.Where(s => s.TicketId == ticketId).Select(s => s.PoolPhoneNumberId).FirstAsync();
        await Webhooks.PostSignedAsync(http, Webhooks.Text(technician, "/done", phoneNumberId: pool, profileName: "Tech"));
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.Status == Core.Tickets.TicketStatus.Resolved), "the job to be resolved");
        return (ticketId, technician);
    }
}
