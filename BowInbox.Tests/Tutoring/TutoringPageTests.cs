using System.Net;
using BowInbox.Core.Api;
using BowInbox.Core.Kpi;
using BowInbox.Core.Tutoring;
using BowInbox.Data.Identity;
using BowInbox.Tests.Api;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Supervisor;
using BowInbox.Web.Components.Pages.Tutoring;
using BowInbox.Web.Kpi;
using BowInbox.Web.Tutoring;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Tutoring;

/// <summary>The tutoring flow end to end: a booking session opened by the API, relayed, and its transcript found by the booking; and the ROI page's tutoring model.</summary>
public sealed class TutoringPageTests : AppComponentTest
{
    private const string Learner = "15557040001";

    public TutoringPageTests()
    {
        UseAppService<BookingLinks>();
        UseAppService<RoiSettings>();
        UseAppService<KpiQueries>();
        UseAppService<MessagingCosts>();
        SignInAs("supervisor@demo.local", Roles.Supervisor);
    }

    [Fact]
    public async Task A_booking_session_opened_by_the_api_relays_and_its_transcript_is_found_by_the_booking_without_numbers()
    {
        var client = await ApiClients.ClientAsync(App, ApiScopes.Sessions);
        var tom = await ProviderIdAsync(App);

        var response = await ApiClients.PostAsync(client, "/api/v1/sessions", new
        {
            whatsApp = "+" + Learner,
            name = "Lena Park",
            providerId = tom,
            externalReference = new { kind = "booking", id = "BK-7001" },
            service = "maths",
            area = "online",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticketId = (await ApiClients.JsonAsync(response)).GetProperty("ticketId").GetInt32();
        string pool;
        await using (var db = App.CreateDbContext())
        {
            pool = (await db.RelaySessions.SingleAsync(s => s.TicketId == ticketId && s.ClosedAt == null)).PoolPhoneNumberId;
        }

        // The booking system opened the conversation: the learner writes first, which opens their 24-hour window.
        await CustomerWritesAsync(App, "Hello, is 5pm still fine?", Learner);
        await ProviderWritesAsync(App, pool, "Hi Lena, algebra at 5pm works for me");
        await App.WaitForSendAsync(Central, Learner, t => t.EndsWith("algebra at 5pm works for me", StringComparison.Ordinal), "the tutor's text at the learner");
        await CustomerWritesAsync(App, "Perfect, see you then", Learner);
        await App.WaitForSendAsync(pool, Tom, t => t.EndsWith("Perfect, see you then", StringComparison.Ordinal), "the learner's text at the tutor");

        var page = Render<BookingTranscriptsPage>();
        page.Find("input[data-testid=booking-query], [data-testid=booking-query] input").Input("BK-70");
        await page.Find("[data-testid=booking-search]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=booking-row]")));
        var row = page.Find("[data-testid=booking-row]").TextContent;
        Assert.Contains($"#{ticketId}", row, StringComparison.Ordinal);
        Assert.Contains("BK-7001", row, StringComparison.Ordinal);
        Assert.Contains(TomName, row, StringComparison.Ordinal);
        Assert.Equal($"supervisor/sessions/{ticketId}", page.Find("[data-testid=booking-transcript]").GetAttribute("href"));
        foreach (var number in new[] { Learner, Learner[1..], Tom, Tom[1..], "Lena" })
        {
            Assert.DoesNotContain(number, page.Markup, StringComparison.Ordinal);
        }

        page.Find("input[data-testid=booking-query], [data-testid=booking-query] input").Input("BK-9999");
        await page.Find("[data-testid=booking-search]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("BK-9999", page.Find("[data-testid=booking-none]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_roi_page_computes_the_tutoring_model_from_the_measured_baseline_and_marks_it_measured()
    {
        var settings = App.Services.GetRequiredService<RoiSettings>();
        var supervisor = Staff(Roles.Supervisor, "supervisor@demo.local");
        var day = new DateOnly(2026, 1, 1);
        Assert.True(await settings.ChooseModelAsync(supervisor, RoiModel.Tutoring));
        Assert.Null(await settings.SaveBaselineAsync(supervisor, LeakagePhase.Before, new LeakagePeriod(day, day.AddDays(30), 200, 140)));
        Assert.Null(await settings.SaveBaselineAsync(supervisor, LeakagePhase.After, new LeakagePeriod(day.AddDays(60), day.AddDays(90), 200, 190)));

        var page = Render<RoiPage>();

        // 2,000 sessions × (30 % − 5 %) × $45 = $22,500 against 10 × $15: (22,500 − 150) ÷ 150 × 100 = 14,900 %.
        page.WaitForAssertion(() => Assert.Equal("14,900%", page.Find("[data-testid=tut-value]").TextContent));
        Assert.Equal("500", page.Find("[data-testid=tut-kept]").TextContent);
        Assert.Equal("$22,500", page.Find("[data-testid=tut-savings]").TextContent);
        Assert.Contains("30% before BowInbox (measured)", page.Find("[data-testid=tut-inputs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("5% with it (measured)", page.Find("[data-testid=tut-inputs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$45 commission per session", page.Find("[data-testid=tut-formula]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Leakage 30%", page.Find("[data-testid=baseline-before-leakage]").TextContent, StringComparison.Ordinal);
        Assert.Contains("25% points", page.Find("[data-testid=baseline-reduction]").TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=tut-sessions], [data-testid=tut-sessions] input").Input("20");
        page.WaitForAssertion(() => Assert.Equal("No percentage: fewer than 30 conversations", page.Find("[data-testid=tut-value]").TextContent));
        await page.Find("[data-testid=tut-save]").ClickAsync(new());
        await Eventually.TrueAsync(async () => (await settings.InputsAsync<TutoringRoiInputs>(supervisor))?.SessionsBookedPerMonth == 20, "the tutoring inputs to be saved");
    }
}
