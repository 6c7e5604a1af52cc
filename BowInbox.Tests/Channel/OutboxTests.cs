using System.Net;
using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.Inbox;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

public sealed class OutboxTests
{
    [Fact]
    public async Task Reply_is_sent_from_the_central_number_with_the_bearer_token()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);

        var result = await app.Replies().ReplyAsync(ticketId, "A plumber is on the way", ChannelTestData.Agent);

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Sent), "the reply to be sent");
        var request = Assert.Single(app.Graph.Requests);
        Assert.Equal("100000000000001", request.PhoneNumberId);
        Assert.Equal($"Bearer {InboxAppFactory.AccessToken}", request.Authorization);
        Assert.Equal(ChannelTestData.Customer, request.To);
        Assert.Equal("A plumber is on the way", request.Text);
        var message = await db.Messages.SingleAsync(m => m.Id == result.MessageId);
        Assert.StartsWith("wamid.FAKE", message.Wamid);
    }

    [Fact]
    public async Task Retryable_error_is_retried_then_succeeds()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        app.Graph.RespondNext(HttpStatusCode.BadRequest, Fixtures.Text("send_error_400_130429.json"));

        var result = await app.Replies().ReplyAsync(ticketId, "retry me", ChannelTestData.Agent);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Sent), "the retry to succeed", timeoutMs: 15_000);
        var row = await db.Outbox.SingleAsync(o => o.MessageId == result.MessageId);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(2, app.Graph.Requests.Count);
    }

    [Fact]
    public async Task Re_engagement_error_131047_is_not_retried_and_is_shown_on_the_message()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        app.Graph.RespondNext(HttpStatusCode.BadRequest, Fixtures.Text("send_error_400_131047.json"));

        var result = await app.Replies().ReplyAsync(ticketId, "too late", ChannelTestData.Agent);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Failed), "the send to fail");
        var message = await db.Messages.SingleAsync(m => m.Id == result.MessageId);
        Assert.Equal(131047, message.ErrorCode);
        Assert.Contains("Re-engagement", message.ErrorTitle);
        var row = await db.Outbox.SingleAsync(o => o.MessageId == result.MessageId);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Single(app.Graph.Requests);
    }

    [Fact]
    public async Task Expired_access_token_turns_the_health_check_red()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        app.Graph.RespondNext(HttpStatusCode.Unauthorized, Fixtures.Text("send_error_401_190.json"));

        var result = await app.Replies().ReplyAsync(ticketId, "token expired", ChannelTestData.Agent);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Failed), "the send to fail");
        var health = await app.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Three_senders_never_send_the_same_row_twice()
    {
        await using var app = new InboxAppFactory();
        // The race between senders is what is tested, not Meta's pacing: at the default 80/s the 300 rows alone take 4 s.
        app.Settings["WhatsApp:DefaultMessagesPerSecond"] = "1000";
        await ChannelTestData.CustomerWroteAsync(app);
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        var to = new Recipient(protector.Protect(ChannelTestData.Customer), protector.Hash(ChannelTestData.Customer));

        // Two more senders beside the app's own, as two more app instances on the same database would run them.
        var second = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);
        var third = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);
        await second.StartAsync(CancellationToken.None);
        await third.StartAsync(CancellationToken.None);
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 300; i++)
            {
                Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", to, $"row {i}", null, CancellationToken.None));
            }

            await db.SaveChangesAsync();
        }

        writer.NotifySender();
        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == 300, "every row sent", timeoutMs: 30_000);
        await second.StopAsync(CancellationToken.None);
        await third.StopAsync(CancellationToken.None);
        var texts = app.Graph.Requests.Select(r => r.Text).Where(t => t?.StartsWith("row ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(300, texts.Count);
        Assert.Equal(300, texts.Distinct().Count());
    }

    [Fact]
    public async Task Sends_are_pipelined_up_to_the_limit_and_a_slow_answer_holds_up_no_other_send()
    {
        await using var app = new InboxAppFactory();
        app.Settings["WhatsApp:MaxSendsInFlight"] = "4";
        string[] customers = [ChannelTestData.Customer, "15557000002", "15557000003", "15557000004"];
        foreach (var customer in customers)
        {
            await ChannelTestData.CustomerWroteAsync(app, from: customer);
        }

        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        Recipient To(string number) => new(protector.Protect(number), protector.Hash(number));
        var slowAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = 0;
        var mostWaiting = 0;
        app.Graph.BeforeAnswer = async request =>
        {
            var now = Interlocked.Increment(ref waiting);
            InterlockedMax(ref mostWaiting, now);
            try
            {
                await (request.Text == "slow" ? slowAnswer.Task : Task.Delay(20));
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        };

        await using (var db = app.CreateDbContext())
        {
            // A recipient's messages go one at a time, in order: the quick ones go to the three customers the slow one is not for.
            Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(customers[0]), "slow", null, CancellationToken.None));
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(customers[1 + (i % 3)]), $"row {i}", null, CancellationToken.None));
            }

            await db.SaveChangesAsync();
        }

        writer.NotifySender();
        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) == 20, "the 20 quick rows sent and recorded while the slow one waits", timeoutMs: 15_000);
        var slow = await check.Outbox.AsNoTracking().SingleAsync(o => o.PayloadJson.Contains("\"slow\""));
        Assert.Equal(OutboxStatus.Sending, slow.Status);
        Assert.InRange(mostWaiting, 2, 4);

        slowAnswer.SetResult();
        await Eventually.TrueAsync(() => check.Outbox.AnyAsync(o => o.Id == slow.Id && o.Status == OutboxStatus.Sent), "the slow row recorded once answered");
        Assert.Equal(21, app.Graph.Requests.Count(r => r.Text == "slow" || r.Text?.StartsWith("row ", StringComparison.Ordinal) == true));
        for (var c = 0; c < 3; c++)
        {
            var expected = Enumerable.Range(0, 20).Where(i => i % 3 == c).Select(i => $"row {i}");
            Assert.Equal(expected, app.Graph.Requests.Where(r => r.To == customers[1 + c] && r.Text?.StartsWith("row ", StringComparison.Ordinal) == true).Select(r => r.Text));
        }
    }

    [Fact]
    public async Task Recording_an_answer_leaves_the_claimed_row_as_it_was_so_a_failed_write_can_be_retried()
    {
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app);
        var claimed = new OutboxMessage
        {
            FromPhoneNumberId = "100000000000001",
            ToProtected = "not-sent-in-this-test",
            Kind = OutboxKind.Text,
            PayloadJson = BowInbox.Core.WhatsApp.OutboundPayloads.Text("recorded twice"),
            Status = OutboxStatus.Sending,
            LockedBy = "test-claim",
            LockedUntil = DateTime.UtcNow.AddMinutes(2),
            NextAttemptAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        };
        await using (var db = app.CreateDbContext())
        {
            db.Outbox.Add(claimed);
            await db.SaveChangesAsync();
        }

        var recorder = app.Services.GetRequiredService<OutboxRecorder>();
        var sent = new SendOutcome("wamid.RECORDED", null);

        await recorder.RecordAsync([claimed], [sent], CancellationToken.None);
        await recorder.RecordAsync([claimed], [sent], CancellationToken.None);

        Assert.Equal((OutboxStatus.Sending, 0, "test-claim"), (claimed.Status, claimed.Attempts, claimed.LockedBy));
        await using var check = app.CreateDbContext();
        var row = await check.Outbox.AsNoTracking().SingleAsync(o => o.Id == claimed.Id);
        Assert.Equal((OutboxStatus.Sent, 1, "wamid.RECORDED", (string?)null), (row.Status, row.Attempts, row.Wamid, row.LockedBy));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task Status_that_arrives_before_its_message_is_applied_when_the_wamid_appears()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        var client = app.CreateBrowserlessClient();
        await Webhooks.PostSignedAsync(client, Webhooks.Status("wamid.EARLY", "read"));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.StatusEvents.AnyAsync(s => s.Wamid == "wamid.EARLY"), "the early status to be kept");
        app.Graph.NextWamid("wamid.EARLY");

        var result = await app.Replies().ReplyAsync(ticketId, "hello", ChannelTestData.Agent);

        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Status == DeliveryStatus.Read), "the kept 'read' to apply");
    }

    [Fact]
    public async Task Status_only_moves_forward()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        app.Graph.NextWamid("wamid.ORDER");
        var result = await app.Replies().ReplyAsync(ticketId, "hello", ChannelTestData.Agent);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Id == result.MessageId && m.Wamid == "wamid.ORDER"), "the send");
        var client = app.CreateBrowserlessClient();

        await Webhooks.PostSignedAsync(client, Webhooks.Status("wamid.ORDER", "read"));
        await Webhooks.PostSignedAsync(client, Webhooks.Status("wamid.ORDER", "delivered"));

        await Eventually.TrueAsync(async () => await db.InboundEvents.CountAsync(e => e.ProcessedAt == null) == 0 && await db.StatusEvents.CountAsync() == 2, "both statuses processed");
        Assert.Equal(DeliveryStatus.Read, (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == result.MessageId)).Status);
    }

    [Fact]
    public async Task Reply_outside_the_24_hour_window_is_refused_with_a_clear_result()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        await using (var db = app.CreateDbContext())
        {
            await db.ConversationWindows.ExecuteUpdateAsync(s => s.SetProperty(w => w.LastInboundAt, DateTime.UtcNow.AddHours(-25)));
        }

        var result = await app.Replies().ReplyAsync(ticketId, "are you there?", ChannelTestData.Agent);

        Assert.Equal(ReplyOutcome.WindowClosed, result.Outcome);
        Assert.Contains("24 hours", result.Message);
        await using var check = app.CreateDbContext();
        Assert.Equal(0, await check.Outbox.CountAsync());
        Assert.False(await check.Messages.AnyAsync(m => m.Direction == MessageDirection.ToCustomer));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n ", "empty")]
    public async Task Empty_reply_is_refused(string text, string expected)
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);

        var result = await app.Replies().ReplyAsync(ticketId, text, ChannelTestData.Agent);

        Assert.Equal(ReplyOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Message);
    }

    [Fact]
    public void Reply_over_4096_characters_is_refused_naming_the_limit()
    {
        var result = ReplySender.Validate(new string('a', 4097));

        Assert.NotNull(result);
        Assert.Contains("4,096", result.Message);
        Assert.Null(ReplySender.Validate(new string('a', 4096)));
    }

    [Fact]
    public async Task Send_interrupted_by_a_crash_is_marked_failed_and_not_sent_twice()
    {
        await using var app = new InboxAppFactory();
        var ticketId = await ChannelTestData.CustomerWroteAsync(app);
        long messageId;
        await using (var db = app.CreateDbContext())
        {
            var message = new Message { TicketId = ticketId, Direction = MessageDirection.ToCustomer, AuthorName = "Ivy", Text = "cut off", Status = DeliveryStatus.Pending, CreatedAt = DateTime.UtcNow };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            messageId = message.Id;
            db.Outbox.Add(new OutboxMessage
            {
                FromPhoneNumberId = "100000000000001",
                ToProtected = "x",
                PayloadJson = "{}",
                MessageId = messageId,
                Status = OutboxStatus.Sending,
                LockedBy = "crashed-worker",
                LockedUntil = DateTime.UtcNow.AddMinutes(-1),
                NextAttemptAt = DateTime.UtcNow.AddMinutes(-3),
                CreatedAt = DateTime.UtcNow.AddMinutes(-3),
            });
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Id == messageId && m.Status == DeliveryStatus.Failed), "the interrupted send to be marked failed");
        Assert.Contains("interrupted", (await check.Messages.SingleAsync(m => m.Id == messageId)).ErrorTitle);
        Assert.Empty(app.Graph.Requests);
    }
}
