using BowInbox.Core.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

/// <summary>A graceful stop (a deploy, a scale-in) lets the send already at the Graph API finish and hands the rest back.</summary>
public sealed class OutboxStopTests
{
    [Fact]
    public async Task A_stop_finishes_the_send_in_flight_and_returns_the_one_queued_behind_it_unsent()
    {
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app);
        var answer = new TaskCompletionSource();
        app.Graph.BeforeAnswer = r => r.Text == "first of two" ? answer.Task : Task.CompletedTask;
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        var to = new Recipient(protector.Protect(ChannelTestData.Customer), protector.Hash(ChannelTestData.Customer));
        await using (var db = app.CreateDbContext())
        {
            await writer.EnqueueTextAsync(db, "100000000000001", to, "first of two", null, CancellationToken.None);
            await writer.EnqueueTextAsync(db, "100000000000001", to, "second of two", null, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        writer.NotifySender();
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => r.Text == "first of two"), "the first send to reach the Graph API");

        var stopping = app.Services.GetRequiredService<OutboxSender>().StopAsync(CancellationToken.None);
        await Task.Delay(300);
        answer.SetResult();
        await stopping;

        await using var check = app.CreateDbContext();
        var rows = await check.Outbox.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Status).ToListAsync();
        Assert.Equal(OutboxStatus.Sent, rows[^2]);
        Assert.Equal(OutboxStatus.Pending, rows[^1]);
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "second of two");
    }
}
