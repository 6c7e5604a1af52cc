using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Components.Shared;
using BowInbox.Web.Inbox;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>The list and composer rendered with the real inbox services of a running app.</summary>
public sealed class InboxComponentTests : AppComponentTest
{
    public InboxComponentTests()
        : base(interactive: false)
    {
        UseAppService<InboxQueries>();
        UseAppService<ReplySender>();
        UseAppService<ReadReceipts>();
        UseAppService<TicketActions>();
        UseAppService<BowInbox.Web.Tutoring.BookingLinks>();
        UseAppService<BowInbox.Web.Offenders.PauseLifting>();
        UseAppService<ApprovedTemplates>();
        UseAppService<BowInbox.Web.Ai.AiAssistant>();
        UseAppService<IDbContextFactory<InboxDbContext>>();
    }

    private static ClaimsPrincipal Intake(string id = "intake-user") => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "intake@demo.local"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "test"));

    [Fact]
    public void List_shows_the_empty_state_when_there_are_no_conversations()
    {
        var list = Render<ConversationList>(p => p.Add(c => c.User, Intake()));

        list.WaitForAssertion(() => Assert.Contains("No open conversations", list.Find("[data-testid=empty-list]").TextContent));
    }

    [Fact]
    public async Task List_renders_rows_without_numbers_and_filters_them()
    {
        await ChannelTestData.CustomerWroteAsync(App, "Leaking tap in the kitchen", from: "15557000011");
        await ChannelTestData.CustomerWroteAsync(App, "No power in the bedroom", from: "15557000012");

        var list = Render<ConversationList>(p => p.Add(c => c.User, Intake()));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=ticket-row]").Count));
        Assert.DoesNotContain("15557000011", list.Markup);

        // One clock per row: the SLA pill (once the default policy's clock is stored), else the wait, never both.
        Assert.All(list.FindAll("[data-testid=ticket-row]"), r => Assert.True(r.QuerySelector("[data-testid=sla-chip]") is null == r.TextContent.Contains("waiting", StringComparison.Ordinal)));

        list.Find("[data-testid=filter-Resolved]").Click();
        list.WaitForAssertion(() => Assert.Contains("No resolved conversations", list.Find("[data-testid=empty-list]").TextContent));

        list.Find("[data-testid=filter-Unassigned]").Click();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=ticket-row]").Count));
    }

    [Fact]
    public async Task A_row_shows_one_clock_the_SLA_pill_when_one_runs_else_the_wait()
    {
        var timed = await ChannelTestData.CustomerWroteAsync(App, "Timed", from: "15557000021");
        var untimed = await ChannelTestData.CustomerWroteAsync(App, "Untimed", from: "15557000022");
        await using (var db = App.CreateDbContext())
        {
            // Once the default policy's clocks are stored (nothing recomputes them after that), one runs late and one is gone.
            await Eventually.TrueAsync(() => db.Tickets.CountAsync(t => (t.Id == timed || t.Id == untimed) && t.SlaDueAt != null).ContinueWith(c => c.Result == 2), "both clocks stored");
            var due = DateTime.UtcNow.AddSeconds(-8);
            await db.Tickets.Where(t => t.Id == timed).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.SlaKind, BowInbox.Core.Sla.SlaTargetKind.FirstResponse).SetProperty(t => t.SlaWarnAt, due.AddMinutes(-1)).SetProperty(t => t.SlaDueAt, due));
            await db.Tickets.Where(t => t.Id == untimed).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.SlaKind, (BowInbox.Core.Sla.SlaTargetKind?)null).SetProperty(t => t.SlaWarnAt, (DateTime?)null).SetProperty(t => t.SlaDueAt, (DateTime?)null));
        }

        var list = Render<ConversationList>(p => p.Add(c => c.User, Intake()));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=ticket-row]").Count));
        var rows = list.FindAll("[data-testid=ticket-row]");
        var late = rows.Single(r => r.GetAttribute("data-ticket-id") == timed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var other = rows.Single(r => r != late);
        Assert.Contains("late", late.QuerySelector("[data-testid=sla-chip]")!.TextContent);
        Assert.DoesNotContain("waiting", late.TextContent);
        Assert.Null(other.QuerySelector("[data-testid=sla-chip]"));
        Assert.Contains("waiting", other.TextContent);
    }

    [Fact]
    public async Task The_selected_filter_sort_and_composer_mode_are_marked_and_note_mode_tints_the_composer()
    {
        var list = Render<ConversationList>(p => p.Add(c => c.User, Intake()));
        Assert.Equal("true", list.Find("[data-testid=filter-AllOpen]").GetAttribute("aria-pressed"));
        Assert.Equal("true", list.Find("[data-testid=sort-Recent]").GetAttribute("aria-pressed"));

        list.Find("[data-testid=filter-Mine]").Click();
        list.Find("[data-testid=sort-DueSoonest]").Click();

        list.WaitForAssertion(() => Assert.Equal("true", list.Find("[data-testid=filter-Mine]").GetAttribute("aria-pressed")));
        Assert.Equal("false", list.Find("[data-testid=filter-AllOpen]").GetAttribute("aria-pressed"));
        Assert.Contains("mud-button-filled", list.Find("[data-testid=filter-Mine]").ClassName);
        Assert.Contains("mud-button-outlined", list.Find("[data-testid=filter-AllOpen]").ClassName);
        Assert.Equal("true", list.Find("[data-testid=sort-DueSoonest]").GetAttribute("aria-pressed"));
        Assert.Equal("false", list.Find("[data-testid=sort-Recent]").GetAttribute("aria-pressed"));

        var ticketId = await ChannelTestData.CustomerWroteAsync(App, "Mode check", from: "15557000013");
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, true));
        Assert.Equal("reply", composer.Find("[data-testid=composer]").GetAttribute("data-mode"));
        Assert.DoesNotContain("composer-note", composer.Find("[data-testid=composer]").ClassName);
        Assert.Equal("true", composer.Find("[data-testid=mode-reply]").GetAttribute("aria-pressed"));

        composer.Find("[data-testid=mode-note]").Click();

        Assert.Contains("composer-note", composer.Find("[data-testid=composer]").ClassName);
        Assert.Equal("true", composer.Find("[data-testid=mode-note]").GetAttribute("aria-pressed"));
        Assert.Equal("false", composer.Find("[data-testid=mode-reply]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Composer_disables_send_for_empty_text_and_sends_a_reply()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, true));

        Assert.True(composer.Find("[data-testid=composer-send]").HasAttribute("disabled"));
        composer.Find("[data-testid=composer-input]").Input("On our way");
        Assert.False(composer.Find("[data-testid=composer-send]").HasAttribute("disabled"));
        composer.Find("[data-testid=composer-send]").Click();

        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "On our way"), "the reply to be stored");
        composer.WaitForAssertion(() => Assert.Equal("", composer.Find("[data-testid=composer-input]").GetAttribute("value") ?? ""));
    }

    [Fact]
    public async Task Composer_shows_an_error_when_the_reply_is_refused()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);
        var snackbar = Services.GetRequiredService<ISnackbar>();
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, true));

        composer.Find("[data-testid=composer-input]").Input(new string('x', 4097));
        composer.Find("[data-testid=composer-send]").Click();

        composer.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message != null && s.Message.Contains("4,096")));
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.Direction == BowInbox.Core.Messaging.MessageDirection.ToCustomer));
    }

    [Fact]
    public async Task Composer_offers_templates_instead_of_free_text_when_the_window_is_closed()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);

        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, false));

        Assert.Contains("more than 24 hours", composer.Find("[data-testid=window-closed]").TextContent);
        Assert.Empty(composer.FindAll("[data-testid=composer-input]"));
        composer.WaitForAssertion(() => Assert.Equal(2, composer.FindAll("[data-testid=template-choice]").Count));
        Assert.Contains(composer.FindAll("[data-testid=template-text]"), t => t.TextContent == $"Hi Maria, this is the team following up on your request #{ticketId}. Reply to this message to continue.");
        Assert.DoesNotContain(ChannelTestData.Customer, composer.Markup, StringComparison.Ordinal);
        Assert.True(composer.Find("[data-testid=template-send]").HasAttribute("disabled"));
        await using (var db = App.CreateDbContext())
        {
            Assert.False(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Type == "template"));
        }

        composer.Find("[data-template=visit_reminder] input").Click();
        composer.Find("[data-testid=template-send]").Click();

        await using var check = App.CreateDbContext();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.TicketId == ticketId && m.Type == "template"), "the chosen template to be queued");
        var sent = await check.Messages.SingleAsync(m => m.TicketId == ticketId && m.Type == "template");
        Assert.Equal($"Hi Maria, a reminder about your request #{ticketId}: reply here if anything changed.", sent.Text);
    }

    [Fact]
    public async Task A_template_cannot_be_previewed_or_sent_to_a_ticket_the_caller_may_not_see()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);
        var technician = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "tech-nobody"), new Claim(ClaimTypes.Name, "nobody@demo.local"), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));
        var replies = App.Services.GetRequiredService<ReplySender>();

        Assert.Empty(await replies.PreviewTemplatesAsync(technician, ticketId));
        var refused = await replies.SendTemplateAsync(technician, ticketId, "visit_reminder", new StaffAuthor("tech-nobody", "Nobody"));

        Assert.False(refused.Succeeded);
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.TicketId == ticketId && m.Type == "template"));
    }

    [Fact]
    public async Task Double_send_from_the_keyboard_sends_once()
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(App);
        var composer = Render<Composer>(p => p.Add(c => c.TicketId, ticketId).Add(c => c.User, Intake()).Add(c => c.WindowOpen, true));

        var keyboard = composer.FindComponent<MessageComposer>().Instance;
        var first = composer.InvokeAsync(() => keyboard.SendFromKeyboard("only once"));
        var second = composer.InvokeAsync(() => keyboard.SendFromKeyboard("only once"));
        await Task.WhenAll(first, second);

        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Text == "only once"));
    }
}
