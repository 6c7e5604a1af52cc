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
    private const string Other = "15557000002";
    [Fact]
    public async Task A_message_waiting_for_its_retry_holds_back_the_later_ones_to_the_same_recipient_and_no_one_else()
    {
        await using var two = await TwoCustomers.StartAsync();
        var (app, db) = (two.App, two.Db);
        app.Graph.RespondNext(HttpStatusCode.InternalServerError, Fixtures.Text("send_error_500_131000.json"));
        async Task EnqueueAsync(string number, string text)
        {
            await two.QueueAsync(number, text);
            await two.SendAsync();
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
        await using var two = await TwoCustomers.StartAsync();
        var (app, db) = (two.App, two.Db);
        var slowAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Graph.BeforeAnswer = request => request.Text == "slow" && !slowAnswer.Task.IsCompleted ? slowAnswer.Task : Task.CompletedTask;

        await two.QueueAsync(ChannelTestData.Customer, "slow");
        await two.QueueAsync(ChannelTestData.Customer, "next");
        await two.QueueAsync(Other, "to someone else");
        await two.SendAsync();

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
        await using var two = await TwoCustomers.StartAsync();
        var (app, db) = (two.App, two.Db);

        // The message before, claimed by a sender on another server and waiting there on the Graph API.
        var before = new OutboxMessage
        {
            FromPhoneNumberId = "100000000000001",
            ToProtected = two.To(ChannelTestData.Customer).WaIdProtected,
            RecipientHash = two.To(ChannelTestData.Customer).WaIdHash,
            PayloadJson = """{"messaging_product":"whatsapp","type":"text","text":{"body":"on another server"}}""",
            Status = OutboxStatus.Sending,
            LockedBy = "0123456789abcdef-another-server",
            LockedUntil = DateTime.UtcNow.AddMinutes(2),
            NextAttemptAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        };
        db.Outbox.Add(before);
        await db.SaveChangesAsync();
        await two.QueueAsync(ChannelTestData.Customer, "next");
        await two.QueueAsync(Other, "to someone else");
        await two.SendAsync();

        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"to someone else\"") && o.Status == OutboxStatus.Sent), "another recipient's message to go out meanwhile");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "next");

        await db.Outbox.Where(o => o.Id == before.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.LockedBy, (string?)null));
        two.Writer.NotifySender();
        await Eventually.TrueAsync(() => db.Outbox.AnyAsync(o => o.PayloadJson.Contains("\"next\"") && o.Status == OutboxStatus.Sent), "the next message to go out once the other server's send is answered");
        Assert.DoesNotContain(app.Graph.Requests, r => r.Text == "on another server");
    }

    [Fact]
    public Task A_row_another_server_claims_between_the_read_and_the_claim_is_not_overtaken() => AnotherServersClaimIsNotOvertakenAsync(null);

    internal static async Task AnotherServersClaimIsNotOvertakenAsync(Action<InboxAppFactory>? configure)
    {
        await using var two = await TwoCustomers.StartAsync(configure);
        var (one, another) = (two.Claimer(), two.Claimer());
        var (first, second) = (two.Row(Central, "first", NotDueForTheApp), two.Row(Central, "second", NotDueForTheApp));
        two.Db.Outbox.AddRange(first, second);
        await two.Db.SaveChangesAsync();

        // Another server reads both as due; before it claims them, this one claims the first.
        var seen = await another.DueAsync(64, CancellationToken.None);
        Assert.Equal([first.Id, second.Id], seen);
        Assert.Equal([first.Id], (await one.TakeAsync([first.Id], CancellationToken.None)).Select(o => o.Id));

        var taken = await another.TakeAsync(seen, CancellationToken.None);

        Assert.Empty(taken);
        var back = await two.Db.Outbox.AsNoTracking().SingleAsync(o => o.Id == second.Id);
        Assert.Equal((OutboxStatus.Pending, null, 0), (back.Status, back.LockedBy, back.Attempts));

        // Once the first is answered, the second is claimed as usual.
        await two.Db.Outbox.Where(o => o.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.LockedBy, (string?)null));
        Assert.Equal([second.Id], (await another.ClaimAsync(64, CancellationToken.None)).Select(o => o.Id));
    }

    [Fact]
    public Task A_retry_holds_only_its_own_conversation_not_the_same_persons_conversation_with_another_of_our_numbers()
        => RetryHoldsOnlyItsOwnConversationAsync(null);

    internal static async Task RetryHoldsOnlyItsOwnConversationAsync(Action<InboxAppFactory>? configure)
    {
        await using var two = await TwoCustomers.StartAsync(configure);
        var claimer = two.Claimer();
        // The central number's first message waits for its retry, after the claimer's now; the pool number's is due.
        var retrying = two.Row(Central, "first, to be retried", NotDueForTheApp.AddHours(2));
        var held = two.Row(Central, "second, behind it", NotDueForTheApp);
        var otherConversation = two.Row(Pool, "from the pool number", NotDueForTheApp);
        two.Db.Outbox.AddRange(retrying, held, otherConversation);
        await two.Db.SaveChangesAsync();

        var claimed = await claimer.ClaimAsync(64, CancellationToken.None);

        Assert.Equal([otherConversation.Id], claimed.Select(o => o.Id));
    }

    private const string Central = "100000000000001";

    private const string Pool = "100000000000009";

    /// <summary>Due by the claimers' clock (<see cref="TwoCustomers.Claimer"/>, two hours ahead), not by the app's own sender's.</summary>
    private static DateTime NotDueForTheApp => DateTime.UtcNow.AddHours(1);

    /// <summary>The app with two customers who have written (so their windows are open), once the sends that caused are done.</summary>
    private sealed class TwoCustomers : IAsyncDisposable
    {
        private readonly BowInbox.Core.Numbers.INumberProtector protector;

        private TwoCustomers(InboxAppFactory app)
        {
            App = app;
            Db = app.CreateDbContext();
            Writer = app.Services.GetRequiredService<OutboxWriter>();
            protector = app.Services.GetRequiredService<BowInbox.Core.Numbers.INumberProtector>();
        }

        public InboxAppFactory App { get; }

        public BowInbox.Data.InboxDbContext Db { get; }

        public OutboxWriter Writer { get; }

        public static async Task<TwoCustomers> StartAsync(Action<InboxAppFactory>? configure = null)
        {
            var app = new InboxAppFactory();
            configure?.Invoke(app);
            await ChannelTestData.CustomerWroteAsync(app);
            await ChannelTestData.CustomerWroteAsync(app, "me too", Other);
            var two = new TwoCustomers(app);
            await Eventually.TrueAsync(async () => !await two.Db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending), "the sends the customers' messages caused to be done");
            return two;
        }

        public Recipient To(string number) => new(protector.Protect(number), protector.Hash(number));

        /// <summary>A sender's claims as another server would make them, on a clock two hours ahead of the app's.</summary>
        public OutboxClaims Claimer() => new(
            App.Services.GetRequiredService<IDbContextFactory<BowInbox.Data.InboxDbContext>>(),
            App.Services.GetRequiredService<BowInbox.Data.DatabaseWriteGate>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2)),
            TimeSpan.FromSeconds(new BowInbox.Web.WhatsApp.WhatsAppOptions().SendLeaseSeconds));

        /// <summary>A text row to the customer from <paramref name="from"/>, written as the outbox writer would.</summary>
        public OutboxMessage Row(string from, string text, DateTime nextAttemptAt)
        {
            var recipient = To(ChannelTestData.Customer);
            return new OutboxMessage
            {
                FromPhoneNumberId = from,
                ToProtected = recipient.WaIdProtected,
                RecipientHash = recipient.WaIdHash,
                Kind = OutboxKind.Text,
                PayloadJson = $$$"""{"messaging_product":"whatsapp","type":"text","text":{"body":"{{{text}}}"}}""",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = nextAttemptAt,
            };
        }

        /// <summary>Adds a text from the central number to the unit of work; <see cref="SendAsync"/> commits it.</summary>
        public async Task QueueAsync(string number, string text)
            => Assert.Equal(EnqueueResult.Queued, await Writer.EnqueueTextAsync(Db, "100000000000001", To(number), text, null, CancellationToken.None));

        public async Task SendAsync()
        {
            await Db.SaveChangesAsync();
            Writer.NotifySender();
        }

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await App.DisposeAsync();
        }
    }
}
