using System.Security.Claims;
using BowInbox.Core.Alerts;
using BowInbox.Core.Messaging;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Ai;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Components.Pages.Queue;
using BowInbox.Web.Insurance;
using BowInbox.Web.Inbox;
using BowInbox.Web.Live;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Ai;

/// <summary>The AI assistant in a running app, against a fake OpenAI-compatible server; every test also checks what was sent.</summary>
public sealed class AiAssistantTests : BunitContext, IClassFixture<AiApp>
{
    private readonly AiApp fixture;

    public AiAssistantTests(AiApp fixture)
    {
        this.fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Forward<AiAssistant>();
        Forward<ReplySender>();
        Forward<ReadReceipts>();
        Forward<TicketActions>();
        Forward<ApprovedTemplates>();
        Forward<IDbContextFactory<InboxDbContext>>();
    }

    private InboxAppFactory App => fixture.App;

    private void Forward<T>()
        where T : class
        => Services.AddSingleton(_ => App.Services.GetRequiredService<T>());

    private static ClaimsPrincipal Staff(string role = Roles.IntakeAgent, string id = "intake-user") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "staff@demo.local"), new Claim(ClaimTypes.Role, role)], "test"));

    // The customer gives away everything a leak could: name, number and email, in an ambiguous request.
    private async Task<int> CustomerWroteAsync(string from)
    {
        var client = App.CreateBrowserlessClient();
        var wamid = "wamid.AI" + Guid.NewGuid().ToString("N");
        await Webhooks.PostSignedAsync(client, Webhooks.Text(from, "Hi, I'm Maria Lopez, call me on +1 555 730 0001 or maria.lopez@example.com, something in the kitchen is broken", wamid));
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the customer's message to be processed");
        return (await db.Messages.SingleAsync(m => m.Wamid == wamid)).TicketId;
    }

    [Fact]
    public async Task The_summary_appears_in_the_details_pane_and_nothing_identifying_is_sent()
    {
        var ticketId = await CustomerWroteAsync("15557300001");

        var summary = Render<AiSummary>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Staff()));

        summary.WaitForAssertion(() => Assert.Equal(AiApp.Summary, summary.Find("[data-testid=ai-summary-text]").TextContent.Trim()));
        fixture.AssertNothingIdentifyingWasSent();
        Assert.Contains(App.Logs.Lines, m => m.Contains("AI Summary call for ticket " + ticketId, StringComparison.Ordinal) && m.Contains("42 tokens in", StringComparison.Ordinal));
        Assert.DoesNotContain(App.Logs.Lines, m => m.Contains(AiApp.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggested_replies_appear_and_insert_into_the_composer_without_sending()
    {
        var ticketId = await CustomerWroteAsync("15557300002");
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Staff()).Add(c => c.WindowOpen, true));

        composer.Find("[data-testid=ai-suggest]").Click();

        composer.WaitForAssertion(() => Assert.Equal(AiApp.Replies, composer.FindAll("[data-testid=ai-suggestion]").Select(b => b.TextContent.Trim())));
        composer.FindAll("[data-testid=ai-suggestion]")[1].Click();
        composer.WaitForAssertion(() =>
        {
            var box = composer.Find("[data-testid=composer-input]");
            Assert.Equal(AiApp.Replies[1], box.GetAttribute("value") ?? box.TextContent);
        });
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToCustomer && m.Text == AiApp.Replies[1]));
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task Qualification_fills_a_missing_service_for_an_ambiguous_message_and_leaves_an_unknown_area_open()
    {
        var ticketId = await CustomerWroteAsync("15557300003");

        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Tickets.AnyAsync(t => t.Id == ticketId && t.ServiceType == "plumbing"), "the AI to fill in the service");
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        Assert.Null(ticket.Area);
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == LeadIntake.AutoQualified && e.Detail.Contains("plumbing from AI")));
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task A_technician_cannot_fetch_suggestions_for_a_ticket_not_theirs()
    {
        var ticketId = await CustomerWroteAsync("15557300004");
        string tomUserId;
        await using (var db = App.CreateDbContext())
        {
            tomUserId = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.UserId).SingleAsync();
        }

        var asked = fixture.Ai.Bodies.Count;
        var answer = await App.Services.GetRequiredService<AiAssistant>().SuggestedRepliesAsync(Staff(Roles.Technician, tomUserId), ticketId, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(AiOutcome.Denied, answer.Outcome);
        Assert.Null(answer.Value);
        Assert.DoesNotContain(fixture.Ai.Bodies.Skip(asked), b => b.Contains("Suggest three short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_opinion_flags_a_relayed_message_the_scanner_missed_for_review()
    {
        var ticketId = await CustomerWroteAsync("15557300005");
        long messageId;
        await using (var db = App.CreateDbContext())
        {
            var tom = await db.Providers.SingleAsync(p => p.DisplayName == "Tom Baker");
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProviderId, tom.Id));
            var message = new Message
            {
                TicketId = ticketId,
                Direction = MessageDirection.FromProvider,
                AuthorName = tom.DisplayName,
                Text = "Tom Baker here, find me on the blue app with the same name and we skip the fee",
                CreatedAt = DateTime.UtcNow,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
            messageId = message.Id;
        }

        await App.Services.GetRequiredService<InboxEvents>().PublishAsync(new MessageAdded(ticketId, messageId, false));

        await using var check = App.CreateDbContext();
        await Eventually.TrueAsync(() => check.SupervisorAlerts.AnyAsync(a => a.Key == LeakSecondOpinion.KeyOf(messageId)), "the AI's flag to reach the supervisors");
        var alert = await check.SupervisorAlerts.SingleAsync(a => a.Key == LeakSecondOpinion.KeyOf(messageId));
        Assert.Equal(SupervisorAlertKind.ContentFlagged, alert.Kind);
        Assert.Contains("invites the customer to another app", alert.Summary);
        Assert.DoesNotContain("Tom", alert.Summary);
        Assert.False(await check.HeldItems.AnyAsync(h => h.MessageId == messageId));
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task A_handoff_note_and_briefing_summary_are_drafted_for_the_technician_on_the_job_only()
    {
        var ticketId = await CustomerWroteAsync("15557300006");
        var other = await CustomerWroteAsync("15557300007");
        string tomUserId;
        await using (var db = App.CreateDbContext())
        {
            var tom = await db.Providers.SingleAsync(p => p.DisplayName == "Tom Baker");
            tomUserId = tom.UserId;
            await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProviderId, tom.Id));
        }

        var assistant = App.Services.GetRequiredService<AiAssistant>();
        var technician = Staff(Roles.Technician, tomUserId);
        var note = await assistant.HandoffNoteAsync(technician, ticketId, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal((AiOutcome.Suggested, AiApp.HandoffNote), (note.Outcome, note.Value));
        Assert.Equal(AiOutcome.Denied, (await assistant.HandoffNoteAsync(technician, other, Xunit.TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal((AiOutcome.Suggested, AiApp.Summary), ((await assistant.SummaryAsync(technician, ticketId, Xunit.TestContext.Current.CancellationToken)) is var briefing ? (briefing.Outcome, briefing.Value) : default));
        Assert.Equal(AiOutcome.Denied, (await assistant.SummaryAsync(technician, other, Xunit.TestContext.Current.CancellationToken)).Outcome);
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task The_technicians_briefing_is_followed_by_the_masked_summary_on_WhatsApp()
    {
        var ticketId = await CustomerWroteAsync("15557300008");
        // Tom wrote on every pool number before, so his 24-hour window is open on whichever the job gets.
        foreach (var pool in RelayTestData.Pool)
        {
            await RelayTestData.ProviderWritesAsync(App, pool, "Hello, any work today?");
        }

        await RelayTestData.AssignAsync(App, ticketId);

        await using var db = App.CreateDbContext();
        var expected = BriefingSummary.Text(ticketId, AiApp.Summary);
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Text == expected), "the summary to follow the briefing");
        var followUp = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.Text == expected);
        var session = await db.RelaySessions.AsNoTracking().SingleAsync(r => r.TicketId == ticketId && r.ClosedAt == null);
        Assert.Equal((MessageDirection.ToProvider, session.PoolPhoneNumberId), (followUp.Direction, followUp.PhoneNumberId));
        var sent = await db.Outbox.AsNoTracking().SingleAsync(o => o.MessageId == followUp.Id);
        Assert.Contains(AiApp.Summary, sent.PayloadJson, StringComparison.Ordinal);
        Assert.All(AiApp.Identifiers, id => Assert.DoesNotContain(id, sent.PayloadJson, StringComparison.OrdinalIgnoreCase));
        Assert.All(AiApp.Names, name => Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex($@"\b{name}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase), sent.PayloadJson));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.ToProvider && m.Text!.Contains("New job for you")));
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task Suggested_replies_reach_the_technicians_queue_composer_for_their_job_only()
    {
        var ticketId = await CustomerWroteAsync("15557300009");
        var other = await CustomerWroteAsync("15557300010");
        await RelayTestData.AssignAsync(App, ticketId);
        string tomUserId;
        await using (var db = App.CreateDbContext())
        {
            tomUserId = await db.Providers.Where(p => p.DisplayName == "Tom Baker").Select(p => p.UserId).SingleAsync();
        }

        Forward<TechnicianQueue>();
        Forward<TechnicianJobActions>();
        Forward<InboxEvents>();
        Forward<TicketAccess>();
        Services.AddScoped<LiveInboxFeed>();
        Forward<UnderwriterHandoff>();
        var auth = AddAuthorization();
        auth.SetAuthorized("tom@demo.local");
        auth.SetRoles(Roles.Technician);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, tomUserId));

        var page = Render<QueueJobPage>(p => p.Add(c => c.TicketId, ticketId));
        page.WaitForElement("[data-testid=queue-reply] [data-testid=ai-suggest]");
        await page.InvokeAsync(() => page.Find("[data-testid=queue-reply] [data-testid=ai-suggest]").Click());
        page.WaitForAssertion(() => Assert.Equal(AiApp.Replies, page.FindAll("[data-testid=ai-suggestion]").Select(b => b.TextContent.Trim())));
        await page.InvokeAsync(() => page.FindAll("[data-testid=ai-suggestion]")[2].Click());
        page.WaitForAssertion(() => Assert.Equal(AiApp.Replies[2], page.Find("[data-testid=queue-reply-input]").GetAttribute("value")));
        await using (var db = App.CreateDbContext())
        {
            Assert.False(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Text == AiApp.Replies[2]));
        }

        // Not his job: the page says so, offers nothing, and nothing about that ticket is asked of the AI.
        var asked = fixture.Ai.Bodies.Count;
        var notHis = Render<QueueJobPage>(p => p.Add(c => c.TicketId, other));
        notHis.WaitForElement("[data-testid=job-not-found]");
        Assert.Empty(notHis.FindAll("[data-testid=ai-suggest]"));
        Assert.Equal(AiOutcome.Denied, (await App.Services.GetRequiredService<AiAssistant>().SuggestedRepliesAsync(
            Staff(Roles.Technician, tomUserId), other, Xunit.TestContext.Current.CancellationToken)).Outcome);
        Assert.DoesNotContain(fixture.Ai.Bodies.Skip(asked), b => b.Contains("Suggest three short", StringComparison.Ordinal));
        fixture.AssertNothingIdentifyingWasSent();
    }

    [Fact]
    public async Task A_reassignment_carries_the_drafted_handoff_note_to_the_next_technician()
    {
        var ticketId = await CustomerWroteAsync("15557300011");
        await RelayTestData.AssignAsync(App, ticketId);
        Forward<RelayAssignment>();
        var supervisor = Staff(Roles.Supervisor, "supervisor-user");

        var panel = Render<ProviderAssignment>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, supervisor));
        panel.WaitForElement("[data-testid=draft-note]");
        await panel.InvokeAsync(() => panel.Find("[data-testid=draft-note]").Click());
        panel.WaitForAssertion(() => Assert.Contains(AiApp.HandoffNote, panel.Find("[data-testid=handoff-note-panel]").InnerHtml, StringComparison.Ordinal));

        var assignment = App.Services.GetRequiredService<RelayAssignment>();
        var ana = await RelayTestData.ProviderIdAsync(App, "Ana Lopez");
        var tooLong = await assignment.AssignAsync(supervisor, ticketId, ana, new HandoverNote(new string('x', HandoverNote.MaxLength + 1), false), Xunit.TestContext.Current.CancellationToken);
        Assert.False(tooLong.Succeeded);
        var result = await assignment.AssignAsync(supervisor, ticketId, ana, new HandoverNote(AiApp.HandoffNote, true), Xunit.TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Message);

        await using var db = App.CreateDbContext();
        var noted = await db.TicketEvents.AsNoTracking().SingleAsync(e => e.TicketId == ticketId && e.Kind == HandoverNote.EventKind);
        Assert.Contains("(drafted by the assistant): " + AiApp.HandoffNote, noted.Detail, StringComparison.Ordinal);
        var session = await db.RelaySessions.AsNoTracking().SingleAsync(r => r.TicketId == ticketId && r.ClosedAt == null);
        Assert.Equal(ana, session.ProviderId);
        var sent = await db.Messages.AsNoTracking().SingleAsync(m => m.TicketId == ticketId && m.Text == $"#{ticketId} Note from our team: {AiApp.HandoffNote}");
        Assert.Equal((MessageDirection.ToProvider, session.PoolPhoneNumberId), (sent.Direction, sent.PhoneNumberId));
        Assert.True(await db.Outbox.AnyAsync(o => o.MessageId == sent.Id));
        Assert.All(AiApp.Identifiers, id => Assert.DoesNotContain(id, noted.Detail, StringComparison.OrdinalIgnoreCase));
        fixture.AssertNothingIdentifyingWasSent();
    }
}
