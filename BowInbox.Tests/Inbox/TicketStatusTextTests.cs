using BowInbox.Core.Tickets;
using BowInbox.Web.Components.Pages.Inbox;
using BowInbox.Web.Inbox;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace BowInbox.Tests.Inbox;

/// <summary>Statuses say what is happening, in one vocabulary: Owner (staff) and Technician (who does the job).</summary>
public sealed class TicketStatusTextTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 20, 0, DateTimeKind.Utc);

    private static TicketDetails Details(TicketStatus status, string? provider = null)
        => new(new TicketRow(7, "C-4F7K2", "Beatriz", null, "WhatsApp", status, null, null, provider, 0, Now, null), null, null, Urgency.Normal, null, null, null, true, []);

    [Fact]
    public void An_offer_counts_down_its_own_clock_and_its_technician_is_not_the_jobs()
    {
        var waiting = Details(TicketStatus.Offered, "Tom Baker") with { OfferedTo = "Tom", OfferExpiresAt = Now.AddMinutes(4).AddSeconds(12), OffersMade = true };

        Assert.Equal("Offered to Tom · 4:12 left", TicketStatusText.Describe(waiting, Now));
        Assert.Equal("Offered to Tom · no answer in time", TicketStatusText.Describe(waiting, Now.AddMinutes(5)));
        Assert.Null(TicketStatusText.Technician(waiting));
    }

    [Fact]
    public void A_job_in_hand_says_who_has_it_since_when()
    {
        var assigned = Details(TicketStatus.Assigned, "Ana Lopez") with { TechnicianSince = new DateTime(2026, 11, 23, 10, 14, 0, DateTimeKind.Utc) };

        Assert.Equal("With Ana since 10:14 UTC", TicketStatusText.Describe(assigned, Now));
        Assert.Equal("Ana", TicketStatusText.Technician(assigned));
        Assert.Equal("Assigned, but no technician has the job", TicketStatusText.Describe(Details(TicketStatus.Assigned), Now));
    }

    [Fact]
    public void Escalation_says_why()
    {
        Assert.Equal("Escalated: no technician accepted", TicketStatusText.Describe(Details(TicketStatus.Escalated) with { OffersMade = true }, Now));
        Assert.Equal("Escalated to a supervisor", TicketStatusText.Describe(Details(TicketStatus.Escalated), Now));
        Assert.Equal("New: to be qualified", TicketStatusText.Describe(Details(TicketStatus.New), Now));
    }

    [Fact]
    public void The_status_line_ticks_while_the_offer_waits()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var offered = Details(TicketStatus.Offered, "Tom Baker") with { OfferedTo = "Tom", OfferExpiresAt = Now.AddMinutes(5), OffersMade = true };

        var line = Render<TicketStatusLine>(p => p.Add(c => c.Details, offered));
        Assert.Contains("Offered to Tom · 5:00 left", line.Markup);

        clock.Advance(TimeSpan.FromSeconds(48));

        line.WaitForAssertion(() => Assert.Contains("Offered to Tom · 4:12 left", line.Markup));
    }
}
