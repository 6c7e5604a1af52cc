using System.Collections.Concurrent;
using BowInbox.Core.Channel;
using BowInbox.Core.Sla;
using BowInbox.Data.Identity;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Jobs;
using BowInbox.Web.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// The production topology in one test: two app servers on one PostgreSQL and one Redis, signed webhooks spread across
/// both, one server stopped mid-run and started again. Every message is stored once and relayed once, the audit chain
/// written from both verifies, an alert raised on one reaches a supervisor on the other, and each recurring job ran
/// once per period. Needs BOWINBOX_POSTGRES and BOWINBOX_REDIS (.ci/run starts both).
/// </summary>
[Trait("Category", "RealServer")]
public sealed class TwoServerTests
{
    private static readonly string[] Customers = ["15557100001", "15557100002", "15557100003"];
    private const int MessagesPerCustomer = 30;

    [Fact]
    public async Task Two_servers_with_one_stopped_mid_run_store_and_relay_every_message_once()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        await using var database = TemporaryPostgresDatabase.Create();
        InboxAppFactory Server()
        {
            var app = new InboxAppFactory();
            database.Use(app);
            app.Settings["ConnectionStrings:Redis"] = redis;
            // A send claimed by the server that is stopped waits out its lease before the other server takes it: keep
            // the lease short (still above the send timeout) so that wait fits in the test's minute.
            app.Settings["WhatsApp:SendLeaseSeconds"] = "20";
            return app;
        }

        // The first server migrates and seeds the new database; then the second starts on it.
        var first = Server();
        var tickets = new Dictionary<string, int>();
        foreach (var customer in Customers)
        {
            var (ticketId, _) = await RelayTestData.AssignedConversationAsync(first, customer, $"Leak at {customer[^1]}", RelayTestData.TomName);
            tickets[customer] = ticketId;
        }

        await using var second = Server();
        _ = second.Server;
        var graphs = new ConcurrentBag<FakeGraphApi> { first.Graph, second.Graph };
        var servers = new[] { first, second };
        var down = false;

        // Meta posts each customer's messages in order; a post that fails (its server is down) is sent again to the other.
        async Task PostAsync(string customer, int index)
        {
            var body = Webhooks.Text(customer, Text(customer, index), $"wamid.TWO{customer}x{index}");
            var target = servers[(index + customer[^1]) % 2];
            try
            {
                if (!(down && target == servers[0]))
                {
                    var response = await Webhooks.PostSignedAsync(target.CreateBrowserlessClient(), body);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The server died under the request: Meta retries the same delivery.
            }

            var retry = await Webhooks.PostSignedAsync(second.CreateBrowserlessClient(), body);
            Assert.True(retry.IsSuccessStatusCode, $"redelivery answered {retry.StatusCode}");
        }

        Task PhaseAsync(int from, int to) => Task.WhenAll(Customers.Select(async customer =>
        {
            for (var i = from; i < to; i++)
            {
                await PostAsync(customer, i);
            }
        }));

        // Audited changes from both servers at once, while the webhooks arrive.
        var audited = Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            servers[i % 2].Services.GetRequiredService<CannedReplies>().AddAsync("admin@demo.local", $"two-servers-{i}", "Written during the two-server run.")));

        await PhaseAsync(0, 10);

        // The first server stops in the middle of the second third.
        var middle = PhaseAsync(10, 20);
        await Task.Delay(150);
        down = true;
        await first.DisposeAsync();
        await middle;
        Assert.All(await audited, r => Assert.True(r.Succeeded, r.Message));

        await using var restarted = Server();
        _ = restarted.Server;
        graphs.Add(restarted.Graph);
        servers[0] = restarted;
        down = false;
        await PhaseAsync(20, MessagesPerCustomer);

        // Stored once each.
        await using var db = second.CreateDbContext();
        var wamids = Customers.SelectMany(c => Enumerable.Range(0, MessagesPerCustomer).Select(i => $"wamid.TWO{c}x{i}")).ToList();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => wamids.Contains(m.Wamid!)) >= wamids.Count, "every message to be stored", 60_000);
        Assert.Equal(wamids.Count, await db.Messages.CountAsync(m => wamids.Contains(m.Wamid!)));
        Assert.Equal(wamids.Count, await db.Messages.Where(m => wamids.Contains(m.Wamid!)).Select(m => m.Wamid).Distinct().CountAsync());

        // Relayed once each, by whichever server sent it (as the relay template: the technician's window is not open).
        var expected = Customers.SelectMany(c => Enumerable.Range(0, MessagesPerCustomer).Select(i => (Ticket: tickets[c], Text: Text(c, i)))).ToList();
        int Relayed((int Ticket, string Text) message) => graphs.Sum(g => g.Requests.Count(r => r.To == RelayTestData.Tom && IsRelay(r, message.Ticket, message.Text)));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected.All(t => Relayed(t) >= 1) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var missing = expected.Where(t => Relayed(t) == 0).ToList();
        if (missing.Count > 0)
        {
            var outbox = await db.Outbox.AsNoTracking().GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var sent = graphs.SelectMany(g => g.Requests).Where(r => r.To == RelayTestData.Tom).Select(r => r.Text ?? r.Body).Take(5);
            Assert.Fail($"{missing.Count} of {expected.Count} not relayed, e.g. '{missing[0].Text}'. Outbox: {string.Join(", ", outbox.Select(o => $"{o.Key}={o.Count}"))}. Sent to the technician, e.g.: {string.Join(" | ", sent)}");
        }
        // A second send could only come from a row still claimable or in flight: wait until none is, then count.
        await Eventually.TrueAsync(
            async () => !await db.Outbox.AsNoTracking().AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending),
            "the outbox to have nothing pending or in flight", 60_000);
        Assert.All(expected, t => Assert.Equal(1, Relayed(t)));

        // The audit chain written by both servers verifies.
        var verdict = await second.Services.GetRequiredService<AuditQueries>().VerifyAsync();
        Assert.True(verdict.Intact, $"audit chain broken at {verdict.FirstBrokenId}");
        Assert.Equal(10, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CannedReplyChanged && e.Target.StartsWith("/two-servers-")));

        // An alert raised on one server reaches a supervisor's alert centre on the other.
        var alert = new SlaAlertRecord { TicketId = tickets[Customers[0]], Kind = SlaTargetKind.FirstResponse, Level = SlaAlertLevel.Breach, DueAt = DateTime.UtcNow, RaisedAt = DateTime.UtcNow };
        db.SlaAlerts.Add(alert);
        await db.SaveChangesAsync();
        using var centre = new SlaAlertFeed(restarted.Services.GetRequiredService<SlaAlertNotifier>());
        var seen = new ConcurrentQueue<long>();
        centre.Changed += a =>
        {
            seen.Enqueue(a.Alert.Id);
            return Task.CompletedTask;
        };
        centre.Start(BowInbox.Tests.Sla.SlaAlertCentreTests.As(Roles.Supervisor, "supervisor@demo.local"));
        await second.Services.GetRequiredService<SlaAlertNotifier>().NotifyAsync(alert.Id, AlertChange.Raised);
        await Eventually.TrueAsync(() => seen.Contains(alert.Id), "the alert raised on one server to reach the other's alert centre");

        // Each recurring job ran at most once per period across the servers, and the minutely one ran at all.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await Eventually.TrueAsync(async () => (await RunsPerMinuteAsync(connection, nameof(SlaMonitorJob))).Count > 0, "the SLA monitor to run once", 75_000);
        var runs = await RunsPerMinuteAsync(connection, nameof(SlaMonitorJob));
        Assert.All(runs, r => Assert.True(r.Runs == 1, $"{r.Runs} SLA monitor runs in the minute starting {r.Minute:O}"));
    }

    private static string Text(string customer, int index) => $"message {index} from {customer[^1]}";

    private static bool IsRelay(GraphRequest request, int ticketId, string text)
        => request.Text == $"#{ticketId} Maria: {text}"
            || (request.Body.Contains("\"relayed_message\"", StringComparison.Ordinal)
                && request.Body.Contains($"{{\"type\":\"text\",\"text\":\"{ticketId}\"}}", StringComparison.Ordinal)
                && request.Body.Contains($"\"text\":\"{text}\"}}", StringComparison.Ordinal));

    private static async Task<List<(DateTime Minute, long Runs)>> RunsPerMinuteAsync(NpgsqlConnection connection, string jobType)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT date_trunc('minute', createdat) AS minute, count(*) FROM {HangfireSetup.PostgresSchema}.job WHERE invocationdata::text LIKE @type GROUP BY 1 ORDER BY 1",
            connection);
        command.Parameters.AddWithValue("type", $"%{jobType}%");
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(DateTime, long)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetDateTime(0), reader.GetInt64(1)));
        }

        return runs;
    }
}
