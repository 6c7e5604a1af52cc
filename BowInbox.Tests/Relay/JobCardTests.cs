using BowInbox.Core.Tickets;
using BowInbox.Web.Components.Pages.Queue;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace BowInbox.Tests.Relay;

public sealed class JobCardTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 20, 0, DateTimeKind.Utc);

    public JobCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
    }

    private static QueueJob Job(TicketStatus status, Urgency urgency) => new(7, "C-4F7K2", "Beatriz", "plumbing", "Centro", status, Now, true, urgency, Now.AddMinutes(-25))
    {
        Request = "Burst pipe under the sink, call [phone removed]",
    };

    private IRenderedComponent<JobCard> Card(QueueJob job) => Render<JobCard>(p => p
        .Add(c => c.Job, job)
        .Add(c => c.OnDone, () => Task.FromResult(ActionResult.Ok("done")))
        .Add(c => c.OnHandBack, () => Task.FromResult(ActionResult.Ok("back"))));

    [Fact]
    public void The_card_shows_the_request_urgency_place_and_time_with_Done_and_Hand_back()
    {
        var card = Card(Job(TicketStatus.Assigned, Urgency.Urgent));

        Assert.Contains("Burst pipe under the sink, call [phone removed]", card.Find("[data-testid=job-request]").TextContent);
        Assert.Contains("Urgent", card.Find("[data-testid=job-urgency]").TextContent);
        Assert.Contains("plumbing · Centro", card.Find("[data-testid=job-where]").TextContent);
        Assert.Equal("Yours for 25 min", card.Find("[data-testid=job-elapsed]").TextContent.Trim());
        Assert.Equal("2026-11-23 09:55 UTC", card.Find("[data-testid=job-elapsed]").GetAttribute("title"));
        Assert.NotNull(card.Find("[data-testid=job-done]"));
        Assert.NotNull(card.Find("[data-testid=job-hand-back]"));
    }

    [Fact]
    public void A_job_that_is_not_in_hand_has_no_buttons()
    {
        var card = Card(Job(TicketStatus.Resolved, Urgency.Normal));

        Assert.Contains("Normal urgency", card.Find("[data-testid=job-urgency]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=job-done]"));
        Assert.Empty(card.FindAll("[data-testid=job-hand-back]"));
    }

    [Fact]
    public void The_card_shows_the_confirmed_arrival_window_itself()
    {
        var card = Render<JobCard>(p => p
            .Add(c => c.Job, Job(TicketStatus.Assigned, Urgency.Normal) with { ArrivalWindow = "today 14:00–16:00" })
            .Add(c => c.OnDone, () => Task.FromResult(ActionResult.Ok("done")))
            .Add(c => c.OnHandBack, () => Task.FromResult(ActionResult.Ok("back")))
            .Add(c => c.OnConfirmArrival, _ => Task.FromResult(ActionResult.Ok("ok"))));

        Assert.Equal("Arriving today 14:00–16:00", card.Find("[data-testid=arrival-window]").TextContent.Trim());
    }
}
