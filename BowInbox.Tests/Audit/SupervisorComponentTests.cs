using System.Net;
using BowInbox.Core.Contacts;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Components.Pages.Supervisor;
using BowInbox.Web.Inbox;
using BowInbox.Web.Kpi;
using BowInbox.Web.Live;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Audit;

/// <summary>The supervisor components rendered with the real services of a running app.</summary>
public sealed class SupervisorComponentTests : AppComponentTest
{
    public SupervisorComponentTests()
    {
        UseAppService<KpiQueries>();
        UseAppService<BowInbox.Web.Ai.AiAssistant>();
        UseAppService<BowInbox.Web.Insurance.InsuranceDetails>();
        UseAppService<MessagingCosts>();
        UseAppService<Transcripts>();
        UseAppService<NumberReveal>();
        UseAppService<AuditQueries>();
        UseAppService<InboxEvents>();
        UseAppService<TicketAccess>();
        UseAppService<TicketActions>();
        UseAppService<BowInbox.Web.Tutoring.BookingLinks>();
        UseAppService<RoiSettings>();
        UseAppService<BowInbox.Web.Offenders.PauseLifting>();
        UseAppService<BowInbox.Web.Relay.RelayAssignment>();
        UseAppService<BowInbox.Web.Routing.OfferQueries>();
        UseAppService<BowInbox.Web.Routing.TicketReassignment>();
        UseAppService<BowInbox.Web.Routing.TicketRouter>();
        Services.AddScoped<LiveInboxFeed>();
        SignInAs("supervisor@demo.local", Roles.Supervisor);
    }

    /// <summary>Tickets created two hours ago and first answered after the given minutes.</summary>
    private Task AddAnsweredTicketsAsync(params double[] replyMinutes) => AddAnsweredTicketsOnAsync(TicketChannels.WhatsApp, replyMinutes);

    private async Task AddAnsweredTicketsOnAsync(string channel, params double[] replyMinutes)
    {
        await using var db = App.CreateDbContext();
        var start = DateTime.UtcNow.AddHours(-2);
        foreach (var minutes in replyMinutes)
        {
            var contact = new Contact { WaIdHash = Guid.NewGuid().ToString("N"), WaIdProtected = "x", Alias = "T" + Guid.NewGuid().ToString("N")[..10], CreatedAt = start };
            db.Contacts.Add(contact);
            db.Tickets.Add(new Ticket { Contact = contact, CreatedAt = start, LastActivityAt = start, FirstHumanReplyAt = start.AddMinutes(minutes), Status = TicketStatus.New, Channel = channel });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Dashboard_shows_first_response_median_p90_and_share_for_known_tickets_and_updates_live()
    {
        await AddAnsweredTicketsAsync(1, 2, 3, 10);

        var dashboard = Render<KpiDashboard>(p => p.Add(c => c.RefreshEvery, TimeSpan.Zero));

        dashboard.WaitForAssertion(() => Assert.Equal("4", dashboard.Find("[data-testid=kpi-conversations-value]").TextContent));
        Assert.Equal("2.5 min", dashboard.Find("[data-testid=kpi-frt-value]").TextContent);
        Assert.Contains("9 in 10 within 7.9 min · 75% under 5 min", dashboard.Find("[data-testid=kpi-frt]").TextContent);
        Assert.Contains("Goal: under 5 min · met", dashboard.Find("[data-testid=kpi-frt-goal]").TextContent);

        // None is resolved yet: containment (of resolved conversations) has nothing to measure; no leak got through.
        Assert.Equal("–", dashboard.Find("[data-testid=kpi-containment-value]").TextContent);
        Assert.Equal("0", dashboard.Find("[data-testid=kpi-leakage-value]").TextContent);
        Assert.Contains("Goal: 0 · met", dashboard.Find("[data-testid=kpi-leakage-goal]").TextContent);
        Assert.NotEmpty(dashboard.FindAll("[data-testid=chart-violations] svg, svg"));

        // One channel so far: no per-channel table.
        Assert.Empty(dashboard.FindAll("[data-testid=kpi-by-channel]"));

        // Nothing offered or scheduled yet: the hints say so rather than print dashes in a sentence.
        Assert.Contains("No offers answered yet", dashboard.Find("[data-testid=kpi-acceptance]").TextContent);
        Assert.Contains("no job scheduled yet", dashboard.Find("[data-testid=kpi-dispatch]").TextContent);

        await AddAnsweredTicketsAsync(20);
        await App.Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(1, "test"));

        dashboard.WaitForAssertion(() => Assert.Equal("5", dashboard.Find("[data-testid=kpi-conversations-value]").TextContent));
        Assert.Equal("3 min", dashboard.Find("[data-testid=kpi-frt-value]").TextContent);
    }

    [Fact]
    public async Task Dashboard_breaks_KPIs_down_per_channel_once_there_is_more_than_one()
    {
        await AddAnsweredTicketsOnAsync(TicketChannels.WhatsApp, 2);
        await AddAnsweredTicketsOnAsync(TicketChannels.Sms, 4, 12);

        var dashboard = Render<KpiDashboard>(p => p.Add(c => c.RefreshEvery, TimeSpan.Zero));

        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("[data-testid=kpi-by-channel]")));
        var rows = dashboard.FindAll("[data-testid=kpi-by-channel] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("SMS", StringComparison.Ordinal) && r.Contains('2'));
        Assert.Contains(rows, r => r.Contains("WhatsApp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_speaks_plain_language_separates_caught_from_leaked_and_marks_a_small_sample()
    {
        await AddAnsweredTicketsAsync(1, 2);

        var dashboard = Render<KpiDashboard>(p => p.Add(c => c.RefreshEvery, TimeSpan.Zero));

        dashboard.WaitForAssertion(() => Assert.Equal("2", dashboard.Find("[data-testid=kpi-conversations-value]").TextContent));
        Assert.Contains("only 2 conversations", dashboard.Find("[data-testid=kpi-small-sample]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", dashboard.Find("[data-testid=kpi-leaks-caught-value]").TextContent);
        Assert.Equal("0", dashboard.Find("[data-testid=kpi-leaks-through-value]").TextContent);
        Assert.Contains("Provider first contact", dashboard.Find("[data-testid=sla-compliance]").TextContent, StringComparison.Ordinal);
        foreach (var enumName in new[] { "PaymentOutside", "ProviderFirstContact", "FirstResponse", "OffPlatformInvite", "FromCustomer" })
        {
            Assert.DoesNotContain(enumName, dashboard.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Roi_states_its_inputs_and_refuses_a_percentage_from_too_few_conversations()
    {
        var roi = Render<RoiPage>();
        roi.WaitForAssertion(() => Assert.Contains("5,000 conversations a month", roi.Find("[data-testid=roi-inputs]").TextContent, StringComparison.Ordinal));
        Assert.Contains("10 seats × $15 licence", roi.Find("[data-testid=roi-inputs]").TextContent, StringComparison.Ordinal);
        Assert.Contains("(assumed)", roi.Find("[data-testid=roi-inputs]").TextContent, StringComparison.Ordinal);

        roi.Find("[data-testid=roi-conversations] input, input[data-testid=roi-conversations]").Input("12");

        roi.WaitForAssertion(() => Assert.Equal("No percentage: fewer than 30 conversations a month", roi.Find("[data-testid=roi-value]").TextContent));
    }

    [Fact]
    public void Roi_page_starts_from_the_defaults_and_recomputes_when_an_input_changes()
    {
        var roi = Render<RoiPage>();

        roi.WaitForAssertion(() => Assert.Equal("17,900%", roi.Find("[data-testid=roi-value]").TextContent));
        Assert.Equal("$27,000", roi.Find("[data-testid=roi-savings]").TextContent);
        Assert.Equal("$150", roi.Find("[data-testid=roi-costs]").TextContent);
        Assert.Contains("no conversations yet", roi.Find("[data-testid=roi-leakage-compare]").TextContent);
        Assert.Contains("ROI = (savings − costs) ÷ costs", roi.Find("[data-testid=roi-formula]").TextContent);

        roi.Find("[data-testid=roi-seats] input, input[data-testid=roi-seats]").Input("20");

        roi.WaitForAssertion(() => Assert.Equal("$300", roi.Find("[data-testid=roi-costs]").TextContent));
        Assert.Equal("8,900%", roi.Find("[data-testid=roi-value]").TextContent);
    }

    [Fact]
    public async Task Transcript_page_shows_the_session_without_real_numbers_and_audits_the_view()
    {
        var ticketId = await AuditTestData.SessionAsync(App, "15557000081");

        var page = Render<TranscriptPage>(p => p.Add(c => c.TicketId, ticketId));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=transcript-message]")));
        var markup = WebUtility.HtmlDecode(page.Markup);
        Assert.Contains("Leaking pipe, call me on [phone removed]", markup);
        Assert.Contains("Customer → us", markup);
        Assert.DoesNotContain("FromCustomer", markup);
        Assert.Single(page.FindAll("[data-testid=violation]"));
        Assert.Contains("15550000011", page.Find("[data-testid=transcript-relay]").TextContent);
        Assert.DoesNotContain("15557000081", markup);
        Assert.DoesNotContain(AuditTestData.ProviderNumber, markup);
        Assert.Single(await AuditTestData.EntriesAsync(App, AuditActions.TranscriptViewed), e => e.Target == $"ticket #{ticketId}" && e.Actor == "supervisor@demo.local");
    }

    [Fact]
    public async Task Transcript_times_are_in_the_readers_zone_to_the_second()
    {
        var ticketId = await AuditTestData.SessionAsync(App, "15557000082");

        var page = Render<TranscriptPage>(p => p.Add(c => c.TicketId, ticketId).AddCascadingValue(UserClock.For("Asia/Kolkata")));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=transcript-message]")));
        var markup = WebUtility.HtmlDecode(page.Markup);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+5:30", markup);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2} UTC(?![+-])", markup);
    }

    [Fact]
    public async Task Audit_page_writes_each_entry_in_the_readers_zone()
    {
        var log = App.Services.GetRequiredService<AuditLog>();
        await log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptViewed, "ticket #3", "viewed on the transcript page");
        var clock = UserClock.For("America/Sao_Paulo");
        var page = Render<AuditLogPage>(p => p.AddCascadingValue(clock));

        page.WaitForAssertion(() => Assert.Contains("transcript-viewed", page.Markup));
        var head = await App.Services.GetRequiredService<AuditQueries>().HeadAsync();
        var markup = WebUtility.HtmlDecode(page.Markup);
        Assert.Contains(clock.ExactToSecond(head!.At), markup);
        Assert.Contains("UTC-3", markup);
        Assert.DoesNotMatch(@"\d{2}:\d{2}:\d{2} UTC(?![+-])", markup);
    }

    [Fact]
    public async Task Reveal_panel_needs_a_reason_shows_the_number_briefly_and_hides_it()
    {
        var ticketId = await AuditTestData.SessionAsync(App, "15557000082");
        var panel = Render<NumberRevealPanel>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, AuditTestData.Supervisor).Add(c => c.ShownFor, TimeSpan.FromMilliseconds(500)));

        Assert.True(panel.Find("[data-testid=reveal-button]").HasAttribute("disabled"));
        panel.Find("[data-testid=reveal-reason] input, input[data-testid=reveal-reason]").Input("Customer asked for a call back");
        panel.Find("[data-testid=reveal-button]").Click();

        panel.WaitForAssertion(() => Assert.Equal("+15557000082", panel.Find("[data-testid=revealed-number]").TextContent));
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=revealed-number]")), TimeSpan.FromSeconds(5));
        var alias = await AliasAsync(ticketId);
        Assert.Single(await AuditTestData.EntriesAsync(App, AuditActions.NumberRevealed), e => e.Target == $"ticket #{ticketId} customer {alias}");
    }

    [Fact]
    public async Task A_changed_messages_original_is_shown_after_a_reason_then_hidden_again()
    {
        var ticketId = await AuditTestData.SessionAsync(App, "15557000083");
        await using var db = App.CreateDbContext();
        var messageId = await db.Messages.Where(m => m.TicketId == ticketId && m.OriginalText != null).Select(m => m.Id).SingleAsync();
        var reveal = Render<BowInbox.Web.Components.Pages.Inbox.OriginalTextReveal>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.MessageId, messageId)
            .Add(c => c.User, AuditTestData.Supervisor).Add(c => c.ShownFor, TimeSpan.FromMilliseconds(500)));

        reveal.Find("[data-testid=reveal-original-open]").Click();
        Assert.True(reveal.Find("[data-testid=reveal-original-button]").HasAttribute("disabled"));
        reveal.Find("[data-testid=reveal-original-reason] input, input[data-testid=reveal-original-reason]").Input("Customer disputes the removal");
        reveal.Find("[data-testid=reveal-original-button]").Click();

        reveal.WaitForAssertion(() => Assert.Contains("call me on 15557000083", reveal.Find("[data-testid=revealed-original]").TextContent));
        reveal.WaitForAssertion(() => Assert.Empty(reveal.FindAll("[data-testid=revealed-original]")), TimeSpan.FromSeconds(5));
        Assert.Single(await AuditTestData.EntriesAsync(App, AuditActions.OriginalRevealed), e => e.Target == $"ticket #{ticketId} message {messageId}");
    }

    [Fact]
    public async Task Audit_page_lists_entries_and_verify_reports_the_first_broken_link()
    {
        var log = App.Services.GetRequiredService<AuditLog>();
        await log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptExported, "ticket #1", "exported as CSV");
        await log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptViewed, "ticket #2", "viewed on the transcript page");
        var page = Render<AuditLogPage>();

        page.WaitForAssertion(() => Assert.Contains("transcript-exported", page.Markup));
        page.Find("[data-testid=verify-chain]").Click();
        page.WaitForAssertion(() => Assert.Contains("Chain intact", page.Find("[data-testid=chain-verdict]").TextContent));
        var head = await App.Services.GetRequiredService<AuditQueries>().HeadAsync();
        page.WaitForAssertion(() => Assert.Equal(head!.Hash, page.Find("[data-testid=chain-head-hash]").TextContent));
        Assert.Equal(head!.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=chain-head-sequence]").TextContent);

        await using var db = App.CreateDbContext();
        var id = await db.AuditEntries.Where(e => e.Target == "ticket #1").Select(e => e.Id).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditEntries SET Details = 'exported nothing' WHERE Id = {id}");
        page.Find("[data-testid=verify-chain]").Click();

        page.WaitForAssertion(() => Assert.Contains($"Chain broken at entry #{id}", page.Find("[data-testid=chain-verdict]").TextContent));
    }

    [Theory]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.IntakeAgent, false)]
    public async Task Inbox_details_link_to_the_transcript_only_for_those_who_may_audit(string role, bool linked)
    {
        var ticketId = await AuditTestData.SessionAsync(App, role == Roles.Supervisor ? "15557000083" : "15557000084");
        var user = AuditTestData.As(role);
        var details = await App.Services.GetRequiredService<InboxQueries>().DetailsAsync(user, ticketId);

        var pane = Render<BowInbox.Web.Components.Pages.Inbox.TicketDetailsPane>(p => p.Add(c => c.Details, details!).Add(c => c.User, user));

        Assert.Equal(linked, pane.FindAll("[data-testid=open-transcript]").Count == 1);
    }

    private async Task<string> AliasAsync(int ticketId)
    {
        await using var db = App.CreateDbContext();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Contact!.Alias).SingleAsync();
    }
}
