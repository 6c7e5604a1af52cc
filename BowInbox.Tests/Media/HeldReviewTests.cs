using System.Net;
using BowInbox.Core.Alerts;
using BowInbox.Core.Review;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Media;

/// <summary>A provider's file that cannot be read is held (the default), reviewed on /supervisor/held, and relayed once or refused.</summary>
public sealed class HeldReviewTests
{
    private static bool IsImageTo(GraphRequest request, string to) => request.To == to && request.Json["type"]?.GetValue<string>() == "image";

    /// <summary>The provider sends a file that is no image at all (the fake Graph API's default bytes): it cannot be read.</summary>
    private static async Task<(int TicketId, string Pool, HeldItem Item)> HeldAsync(InboxAppFactory app)
    {
        var (ticketId, session) = await AssignedConversationAsync(app);
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.HELD1", MediaRelayTests.File("image", "900000000000801", "image/jpeg")));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.HeldItems.AnyAsync(h => h.TicketId == ticketId), "the file to be held");
        return (ticketId, session.PoolPhoneNumberId, await db.HeldItems.AsNoTracking().SingleAsync(h => h.TicketId == ticketId));
    }

    [Fact]
    public async Task A_held_file_is_announced_to_both_sides_and_approved_once_however_often_it_is_clicked()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, pool, item) = await HeldAsync(app);

        Assert.Equal(HeldStatus.Waiting, item.Status);
        Assert.Equal(HeldReason.UnscannableMedia, item.Reason);
        Assert.DoesNotContain(Customer, item.SendToProtected, StringComparison.Ordinal);
        await app.WaitForSendAsync(Central, Customer, t => t == "A file for you is being checked and will follow shortly.", "the customer told a file is coming");
        await app.WaitForSendAsync(pool, Tom, t => t == $"#{ticketId} BowInbox: Your file is being checked and will be passed on shortly.", "the provider told it is checked");
        Assert.DoesNotContain(app.Graph.Requests, r => IsImageTo(r, Customer));
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.SupervisorAlerts.AnyAsync(a => a.Kind == SupervisorAlertKind.HeldForReview && a.TicketId == ticketId && a.AcknowledgedAt == null));
        }

        var held = app.Services.GetRequiredService<HeldItems>();
        var outcomes = await Task.WhenAll(held.ApproveAsync(item.Id, "supervisor@demo.local"), held.ApproveAsync(item.Id, "admin@demo.local"));
        var again = await held.ApproveAsync(item.Id, "supervisor@demo.local");

        Assert.Single(outcomes, o => o == HeldDecisionOutcome.Done);
        Assert.Equal(HeldDecisionOutcome.AlreadyDecided, again);
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => IsImageTo(r, Customer)), "the approved file at the customer");

        // A staff reply is the marker: messages to the customer go out in the order they were queued, so a second
        // copy of the file would have been sent before it.
        var marker = await app.Replies().ReplyAsync(ticketId, "Here is the file you asked for.", ChannelTestData.Agent);
        Assert.True(marker.Succeeded, marker.Message);
        await app.WaitForSendAsync(Central, Customer, t => t == "Here is the file you asked for.", "the marker reply");
        Assert.Single(app.Graph.Requests, r => IsImageTo(r, Customer));
        await using var check = app.CreateDbContext();
        Assert.Equal(HeldStatus.Approved, (await check.HeldItems.SingleAsync(h => h.Id == item.Id)).Status);
        Assert.True(await check.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "held-approved"));
        Assert.False(await check.SupervisorAlerts.AnyAsync(a => a.Kind == SupervisorAlertKind.HeldForReview && a.TicketId == ticketId && a.AcknowledgedAt == null));
        await Eventually.TrueAsync(() => check.AuditEntries.AnyAsync(e => e.Action == "held-approved" && e.Target == $"ticket #{ticketId}"), "the approval in the audit log");
    }

    [Fact]
    public async Task A_rejected_file_never_reaches_the_customer_and_the_provider_is_told_in_neutral_words()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, pool, item) = await HeldAsync(app);

        Assert.Equal(HeldDecisionOutcome.Done, await app.Services.GetRequiredService<HeldItems>().RejectAsync(item.Id, "supervisor@demo.local"));
        Assert.Equal(HeldDecisionOutcome.AlreadyDecided, await app.Services.GetRequiredService<HeldItems>().ApproveAsync(item.Id, "admin@demo.local"));

        await app.WaitForSendAsync(pool, Tom, t => t.Contains("was not passed on after review", StringComparison.Ordinal), "the provider told");
        Assert.DoesNotContain(app.Graph.Requests, r => IsImageTo(r, Customer));
        await using var db = app.CreateDbContext();
        Assert.True(await db.TicketEvents.AnyAsync(e => e.TicketId == ticketId && e.Kind == "held-rejected" && e.Actor == "supervisor@demo.local"));
    }

    [Fact]
    public async Task Supervisors_see_the_held_file_and_its_scan_result_and_nobody_else_can_open_it()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, _, item) = await HeldAsync(app);

        using var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
        var page = await supervisor.GetStringAsync("/supervisor/held");
        Assert.Contains($"data-held-id=\"{item.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"inbox/{ticketId}", page, StringComparison.Ordinal);
        Assert.Contains("not an image that could be read", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Tom, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Customer, page, StringComparison.Ordinal);
        var media = await supervisor.GetAsync($"/supervisor/held/{item.Id}/media");
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("image/jpeg", media.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FakeGraphApi.MediaBytes, await media.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", media.Headers.GetValues("X-Content-Type-Options").Single());

        // Once WhatsApp has forgotten the id, the file still opens: from the app's own copy.
        await using (var store = app.CreateDbContext())
        {
            await Eventually.TrueAsync(() => store.MediaItems.AnyAsync(i => i.MediaId == "900000000000801" && i.Status == BowInbox.Core.Messaging.MediaItemStatus.Stored), "the file to be stored");
        }

        app.Graph.UnavailableMedia["900000000000801"] = int.MaxValue;
        var stored = await supervisor.GetAsync($"/supervisor/held/{item.Id}/media");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(FakeGraphApi.MediaBytes, await stored.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/supervisor/held/999999/media")).StatusCode);

        foreach (var email in new[] { "tech1@demo.local", "intake@demo.local" })
        {
            using var other = await Login.AsAsync(app, email);
            foreach (var url in new[] { "/supervisor/held", $"/supervisor/held/{item.Id}/media" })
            {
                var denied = await other.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.AbsolutePath());
            }

            // The technician's own queue does not show what the review found.
            if (email.StartsWith("tech", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("could be read", await other.GetStringAsync($"/queue/{ticketId}"), StringComparison.Ordinal);
            }
        }

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "held-media-viewed" && e.Actor == "supervisor@demo.local"));
    }

    [Fact]
    public async Task A_review_past_its_time_raises_one_overdue_alert()
    {
        await using var app = new InboxAppFactory();
        app.Settings["Sla:HeldReviewMinutes"] = "0";
        var (ticketId, _, item) = await HeldAsync(app);
        var job = app.Services.GetRequiredService<HeldReviewOverdueJob>();

        var first = await job.RunAsync(TestContext.Current.CancellationToken);
        var second = await job.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        await using var db = app.CreateDbContext();
        var alert = await db.SupervisorAlerts.SingleAsync(a => a.Kind == SupervisorAlertKind.HeldReviewOverdue);
        Assert.Equal(ticketId, alert.TicketId);
        Assert.Contains("waited", alert.Summary, StringComparison.Ordinal);
        Assert.NotNull((await db.HeldItems.SingleAsync(h => h.Id == item.Id)).OverdueAlertedAt);
    }
}
