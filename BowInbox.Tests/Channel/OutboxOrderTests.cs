using System.Net;
using BowInbox.Core.Channel;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

/// <summary>A recipient's messages arrive in the order they were written, whatever is retried or sent elsewhere.</summary>
public sealed class OutboxOrderTests
{
    [Fact]
    public async Task A_message_waiting_for_its_retry_holds_back_the_later_ones_to_the_same_recipient_and_no_one_else()
    {
        const string Other = "15557000002";
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app);
        await ChannelTestData.CustomerWroteAsync(app, "me too", Other);
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        Recipient To(string number) => new(protector.Protect(number), protector.Hash(number));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending), "the sends the customers' messages caused to be done");
        app.Graph.RespondNext(HttpStatusCode.InternalServerError, Fixtures.Text("send_error_500_131000.json"));
        async Task EnqueueAsync(string number, string text)
        {
            Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(number), text, null, CancellationToken.None));
            await db.SaveChangesAsync();
            writer.NotifySender();
        }

        await EnqueueAsync(ChannelTestData.Customer, "first");
        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.Attempts == 1 && o.Status == OutboxStatus.Pending), "the first send to fail and wait for its retry");
        await EnqueueAsync(ChannelTestData.Customer, "second");
        for (var i = 0; i < OutboxSender.BatchSize; i++)
        {
            // More held rows than one claim takes: they must not stand in front of another recipient's row.
            await EnqueueAsync(ChannelTestData.Customer, $"later {i}");
        }

        await EnqueueAsync(Other, "to someone else");

        await Eventually.TrueAsync(() => Task.FromResult(app.Graph.Requests.Any(r => r.Text == "to someone else")), "another recipient's message to go out meanwhile");
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == ChannelTestData.Customer && r.Text != "first");
        await Eventually.TrueAsync(async () => !await db.Outbox.AnyAsync(o => o.Status != OutboxStatus.Sent), "every held message to go out after the retry", timeoutMs: 15_000);
        string[] inOrder = ["first", "first", "second", .. Enumerable.Range(0, OutboxSender.BatchSize).Select(i => $"later {i}")];
        Assert.Equal(inOrder, app.Graph.Requests.Where(r => r.To == ChannelTestData.Customer).Select(r => r.Text));
        Assert.Equal(2, (await db.Outbox.AsNoTracking().SingleAsync(o => o.PayloadJson.Contains("\"first\""))).Attempts);
        Assert.Equal(1, (await db.Outbox.AsNoTracking().SingleAsync(o => o.PayloadJson.Contains("\"second\""))).Attempts);
    }

    [Fact]
    public async Task A_recipients_next_message_waits_for_the_answer_to_the_one_before_and_goes_back_unsent_if_that_one_is_retried()
    {
        const string Other = "15557000002";
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app);
        await ChannelTestData.CustomerWroteAsync(app, "me too", Other);
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        Recipient To(string number) => new(protector.Protect(number), protector.Hash(number));
        var slowAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Graph.BeforeAnswer = request => request.Text == "slow" && !slowAnswer.Task.IsCompleted ? slowAnswer.Task : Task.CompletedTask;
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending), "the sends the customers' messages caused to be done");

        Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(ChannelTestData.Customer), "slow", null, CancellationToken.None));
        Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(ChannelTestData.Customer), "next", null, CancellationToken.None));
        Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(Other), "to someone else", null, CancellationToken.None));
        await db.SaveChangesAsync();
        writer.NotifySender();

        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"to someone else\"") && o.Status == OutboxStatus.Sent), "another recipient's message to go out meanwhile");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "next");
        app.Graph.RespondNext(HttpStatusCode.InternalServerError, Fixtures.Text("send_error_500_131000.json"));
        slowAnswer.SetResult();

        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"next\"") && o.Status == OutboxStatus.Sent), "the held message to go out after the retry", timeoutMs: 15_000);
        Assert.Equal(["slow", "slow", "next"], app.Graph.Requests.Where(r => r.To == ChannelTestData.Customer).Select(r => r.Text));
        var next = await db.Outbox.AsNoTracking().SingleAsync(o => o.PayloadJson.Contains("\"next\""));
        Assert.Equal(1, next.Attempts);
        Assert.Null(next.LastError);
    }

    [Fact]
    public async Task A_recipients_next_message_waits_while_another_server_is_sending_the_one_before()
    {
        const string Other = "15557000002";
        await using var app = new InboxAppFactory();
        await ChannelTestData.CustomerWroteAsync(app);
        await ChannelTestData.CustomerWroteAsync(app, "me too", Other);
        var writer = app.Services.GetRequiredService<OutboxWriter>();
        var protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        Recipient To(string number) => new(protector.Protect(number), protector.Hash(number));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending), "the sends the customers' messages caused to be done");

        // The message before, claimed by a sender on another server and waiting there on the Graph API.
        var before = new OutboxMessage
        {
            FromPhoneNumberId = "100000000000001",
            ToProtected = To(ChannelTestData.Customer).WaIdProtected,
            RecipientHash = protector.Hash(ChannelTestData.Customer),
            PayloadJson = """{"messaging_product":"whatsapp","type":"text","text":{"body":"on another server"}}""",
            Status = OutboxStatus.Sending,
            LockedBy = "0123456789abcdef-another-server",
            LockedUntil = DateTime.UtcNow.AddMinutes(2),
            NextAttemptAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        };
        db.Outbox.Add(before);
        await db.SaveChangesAsync();
        Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(ChannelTestData.Customer), "next", null, CancellationToken.None));
        Assert.Equal(EnqueueResult.Queued, await writer.EnqueueTextAsync(db, "100000000000001", To(Other), "to someone else", null, CancellationToken.None));
        await db.SaveChangesAsync();
        writer.NotifySender();

        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"to someone else\"") && o.Status == OutboxStatus.Sent), "another recipient's message to go out meanwhile");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "next");

        await db.Outbox.Where(o => o.Id == before.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.LockedBy, (string?)null));
        writer.NotifySender();
        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"next\"") && o.Status == OutboxStatus.Sent), "the next message to go out once the other server's send is answered");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "on another server");
    }
}
