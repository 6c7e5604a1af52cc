using BowInbox.Core.Sla;
using BowInbox.Core.Tickets;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>A compact row: who and when, one line of what was said, one clock, the technician, an urgency flag.</summary>
public sealed class ConversationRowTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 20, 0, DateTimeKind.Utc);

    public ConversationRowTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
    }

    private static TicketRow Row(TicketStatus status = TicketStatus.New, string? provider = null, DateTime? dueAt = null, Urgency urgency = Urgency.Normal)
        => new(7, "C-4F7K2", "Beatriz", "The boiler is making a banging noise again", "WhatsApp", status, "Plumbers", "Ivy Staff", provider, 2,
            Now.AddMinutes(-4), Now.AddMinutes(-4), dueAt is null ? null : SlaTargetKind.FirstResponse, dueAt?.AddMinutes(-2), dueAt, false, urgency);

    private IRenderedComponent<ConversationRow> RenderRow(TicketRow row, bool showChannel = false, UserClock? clock = null)
        => Render<ConversationRow>(p => p.Add(c => c.Row, row).Add(c => c.Now, Now).Add(c => c.ShowChannel, showChannel).Add(c => c.Clock, clock ?? UserClock.Utc));

    [Fact]
    public void A_row_is_a_link_with_the_relative_time_and_the_exact_one_on_hover_in_the_readers_zone()
    {
        var row = RenderRow(Row(), clock: UserClock.For("Asia/Kolkata"));

        var link = row.Find("a[data-testid=ticket-row]");
        Assert.Equal("inbox/7", link.GetAttribute("href"));
        var time = row.Find("[data-testid=row-time]");
        Assert.Equal("4 min", time.TextContent);
        Assert.Equal("2026-11-23 15:46 UTC+5:30", time.GetAttribute("title"));
        Assert.Contains("The boiler is making a banging noise again", row.Find(".row-preview").TextContent, StringComparison.Ordinal);
        Assert.Contains("waiting 4 min", row.Find("[data-testid=row-waiting]").TextContent, StringComparison.Ordinal);
        Assert.Empty(row.FindAll("[data-testid=sla-chip]"));
    }

    [Fact]
    public void The_row_shows_one_clock_and_names_the_technician_only_once_they_have_the_job()
    {
        var offered = RenderRow(Row(TicketStatus.Offered, "Tom Baker", dueAt: Now.AddMinutes(5)));
        Assert.Single(offered.FindAll("[data-testid=sla-chip]"));
        Assert.Empty(offered.FindAll("[data-testid=row-waiting]"));
        Assert.Empty(offered.FindAll("[data-testid=row-technician]"));
        Assert.DoesNotContain("Tom", offered.Markup, StringComparison.Ordinal);

        var assigned = RenderRow(Row(TicketStatus.Assigned, "Ana Lopez", dueAt: Now.AddMinutes(5)));
        Assert.Equal(" · Ana", assigned.Find("[data-testid=row-technician]").TextContent);
        Assert.DoesNotContain("Lopez", assigned.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalated_and_breached_rows_stand_out_and_others_do_not()
    {
        Assert.Null(RenderRow(Row(dueAt: Now.AddMinutes(5))).Find("a").GetAttribute("data-attention"));
        Assert.Equal("true", RenderRow(Row(dueAt: Now.AddSeconds(-8))).Find("a").GetAttribute("data-attention"));
        Assert.Equal("true", RenderRow(Row(TicketStatus.Escalated)).Find("a").GetAttribute("data-attention"));
        Assert.Contains("attention", RenderRow(Row(TicketStatus.Escalated)).Find("a").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_urgency_flag_and_the_channel_show_only_when_they_tell_something()
    {
        var normal = RenderRow(Row());
        Assert.Empty(normal.FindAll("[data-testid=row-urgent]"));
        Assert.Empty(normal.FindAll("[data-testid=row-channel]"));

        var urgent = RenderRow(Row(urgency: Urgency.Urgent), showChannel: true);
        Assert.Contains("Urgent", urgent.Find("[data-testid=row-urgent]").TextContent, StringComparison.Ordinal);
        Assert.Equal("WhatsApp", urgent.Find("[data-testid=row-channel]").TextContent);
    }
}
