using System.Collections.Concurrent;
using System.Diagnostics;
using BowInbox.Bench;
using BowInbox.Core.Channel;
using BowInbox.Data;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// The production topology with real processes: two BowInbox.Web processes started from the build output on one
/// PostgreSQL and one Redis, signed webhooks spread across both, one server killed outright (its whole process tree,
/// no graceful stop) mid-run and started again. Every message is stored once; none is relayed twice, and every one is
/// relayed except a send the dead server had at the Graph API, which is failed visibly as interrupted (whether Meta got
/// it is unknown, so it is never sent again). The audit chain both servers wrote verifies, an alert raised on one
/// reaches a supervisor signed in on each, and each recurring job ran once per minute across the servers.
/// Needs BOWINBOX_POSTGRES and BOWINBOX_REDIS (.ci/run starts both) and the solution built.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class TwoProcessTests
{
    private const int Customers = 6;
    private const int MessagesPerCustomer = 24;
    private const int PoolNumbers = 3;
    private const string InterruptedPrefix = "Sending was interrupted";

    [Fact]
    public async Task Two_app_processes_with_one_killed_mid_run_store_every_message_once_and_relay_none_twice()
    {
        var redis = Environment.GetEnvironmentVariable("BOWINBOX_REDIS");
        if (string.IsNullOrWhiteSpace(redis))
        {
            TestEnvironment.SkipOrFail("No Redis server (set BOWINBOX_REDIS to host:port, as .ci/run does)");
        }

        await using var database = TemporaryPostgresDatabase.Create();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "bowinbox-two-process-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var tracker = new RelayTracker(1_000);
        await using var graph = await BowInbox.Bench.FakeGraphApi.StartAsync(tracker, RelaySeeder.CentralPhoneNumberId);
        var pair = new AppProcessPair(database.ConnectionString, redis!, graph.BaseUrl, folder);
        var payloads = new WebhookPayloads(pair.AppSecret, RelaySeeder.CentralPhoneNumberId);
        var clock = Stopwatch.StartNew();
        var timeline = new List<string>();
        void Mark(string step) => timeline.Add($"{clock.Elapsed.TotalSeconds:0.0} s {step}");

        // The first server migrates the new database; customers and their technicians' sessions are set up through it.
        var servers = new AppProcess[2];
        var running = new List<AppProcess>();
        await using var data = AppDatabase.Open(DatabaseProvider.Postgres, database.ConnectionString, pair.Secrets, pair.KeysPath("test"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new ConcurrentDictionary<int, bool>();
        var killed = false;
        Task<AppProcess>? startingSecond = null;

        try
        {
            // The second server starts while customers and sessions are set up through the first (which migrated).
            running.Add(servers[0] = await pair.StartAsync("a"));
            Mark("first server up");
            startingSecond = pair.StartAsync("b");
            var seeder = new RelaySeeder(data, TextWriter.Null);
            await seeder.AddNumbersAsync(PoolNumbers, CancellationToken.None);
            using (var load = new LoadGenerator(4))
            {
                await seeder.PrimeCustomersAsync(load, servers[0].BaseUrl, payloads, tracker, Customers, CancellationToken.None);
            }

            await seeder.OpenSessionsAsync(Customers, PoolNumbers, CancellationToken.None);
            await AppProcessPair.AddSupervisorAsync(data);
            running.Add(servers[1] = await startingSecond);
            startingSecond = null;
            Mark("both servers up, sessions open");

            // Meta posts each customer's messages in order; a post its server does not answer is delivered again to the other.
            async Task PostAsync(int customer, int index)
            {
                var webhook = payloads.CustomerText(customer, tracker.NewToken());
                tokens[webhook.Token] = Volatile.Read(ref killed);
                foreach (var server in new[] { servers[(customer + index) % 2], servers[1] })
                {
                    try
                    {
                        using var request = webhook.ToRequest();
                        request.RequestUri = new Uri(new Uri(server.BaseUrl), WebhookPayloads.Path);
                        using var response = await http.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            tracker.MarkAccepted(webhook.Token);
                            return;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The server is down (or died under the request): Meta retries the same delivery.
                    }
                }

                Assert.Fail($"message {index} of customer {customer} was refused by both servers");
            }

            Task PhaseAsync(int from, int to) => Task.WhenAll(Enumerable.Range(0, Customers).Select(async customer =>
            {
                for (var i = from; i < to; i++)
                {
                    await PostAsync(customer, i);
                }
            }));

            // Supervisors sign in on both servers while the webhooks arrive: each sign-in appends to the audit chain.
            var signIns = Task.WhenAll(Enumerable.Range(0, 6).Select(i => AppProcessPair.SignInAsync(servers[i % 2])));
            await PhaseAsync(0, 8);
            await signIns;

            // The first server is killed outright in the middle of the second third, and started again.
            var middle = PhaseAsync(8, 16);
            while (tracker.Accepted < (Customers * 10) + Customers)
            {
                await Task.Delay(10);
            }

            // Disposing an app process kills it with its whole process tree: no graceful stop, no drain.
            running.Remove(servers[0]);
            await servers[0].DisposeAsync();
            Volatile.Write(ref killed, true);
            Mark("first server killed");
            await middle;
            running.Add(servers[0] = await pair.StartAsync("a"));
            Mark("first server restarted");
            await PhaseAsync(16, MessagesPerCustomer);
            Mark("all webhooks accepted");

            // Stored once each.
            await using var db = await data.Contexts.CreateDbContextAsync();
            var wamids = tokens.Keys.Select(t => $"wamid.BENCH{t}").ToList();
            await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => wamids.Contains(m.Wamid!)) >= wamids.Count, "every message to be stored", 60_000);
            Assert.Equal(wamids.Count, await db.Messages.CountAsync(m => wamids.Contains(m.Wamid!)));
            Assert.Equal(wamids.Count, await db.Messages.Where(m => wamids.Contains(m.Wamid!)).Select(m => m.Wamid).Distinct().CountAsync());

            // Relayed once each, or failed as interrupted (a send the killed server had started); never twice.
            var interrupted = new HashSet<int>();
            await Eventually.TrueAsync(
                async () =>
                {
                    interrupted = await InterruptedTokensAsync(db);
                    return tokens.Keys.All(t => tracker.WasRelayed(t) || interrupted.Contains(t));
                },
                "every message to be relayed or failed as interrupted",
                90_000);
            Mark($"all relayed or interrupted ({interrupted.Count} interrupted)");
            Assert.Equal(0, tracker.Duplicates);
            Assert.All(interrupted, t => Assert.True(tokens.TryGetValue(t, out var afterKill) && !afterKill, $"message {t} was failed as interrupted, yet not posted before the kill"));
            Assert.True(interrupted.Count <= Customers, $"{interrupted.Count} sends failed as interrupted; at most one per technician can be at the Graph API");
            Assert.Equal(0, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed && !o.LastError!.StartsWith(InterruptedPrefix)));

            // An alert raised on one server reaches a supervisor signed in on each: the technician of customer 0 leaks three times.
            var listeners = await Task.WhenAll(servers.Select(async s => await AppProcessPair.ListenForAlertsAsync(s, await AppProcessPair.SignInAsync(s))));
            try
            {
                var pool = RelaySeeder.PoolPhoneNumberId(0 % PoolNumbers);
                string[] leaks = ["text me at 555 010 0001", "or email tom.plumbing@example.com", "find me on instagram @tomfixes"];
                foreach (var (leak, i) in leaks.Select((l, i) => (l, i)))
                {
                    using var request = payloads.ProviderSays(0, pool, leak, tracker.NewToken()).ToRequest();
                    request.RequestUri = new Uri(new Uri(servers[i % 2].BaseUrl), WebhookPayloads.Path);
                    Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
                }

                foreach (var (listener, server) in listeners.Zip(servers))
                {
                    await Eventually.TrueAsync(() => listener.Alerts.Contains("ProviderPaused"), $"the pause alert to reach the supervisor on {server.BaseUrl}", 30_000);
                }
            }
            finally
            {
                foreach (var listener in listeners)
                {
                    await listener.Connection.DisposeAsync();
                }
            }

            Mark("pause alert on both servers");

            // The audit chain written by both servers (sign-ins, the pause) verifies with the install's key.
            Assert.Equal(8, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignIn));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ProviderPaused));
            Assert.Null(await pair.FirstBrokenAuditLinkAsync(db));

            // Each recurring job ran once per minute across the servers (Hangfire on PostgreSQL), and the minutely one ran.
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Eventually.TrueAsync(async () => (await RunsPerMinuteAsync(connection, nameof(BowInbox.Web.Sla.SlaMonitorJob))).Count > 0, "the SLA monitor to run", 75_000);
            var runs = await RunsPerMinuteAsync(connection, nameof(BowInbox.Web.Sla.SlaMonitorJob));
            Assert.All(runs, r => Assert.True(r.Runs == 1, $"{r.Runs} SLA monitor runs in the minute starting {r.Minute:O}"));
            Mark($"SLA monitor ran once per minute; {tokens.Count} messages");
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, timeline));
        }
        finally
        {
            if (startingSecond is not null)
            {
                try
                {
                    running.Add(await startingSecond);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // It never came up (and stopped itself); the failure that brought the test here is the one to report.
                }
            }

            foreach (var server in running)
            {
                await server.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The bench tokens of the relays failed as interrupted: sends a killed server had claimed.</summary>
    private static async Task<HashSet<int>> InterruptedTokensAsync(InboxDbContext db)
    {
        var payloads = await db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Failed && o.LastError!.StartsWith(InterruptedPrefix)).Select(o => o.PayloadJson).ToListAsync();
        return payloads.Select(p => RelayTracker.TryReadToken(p, out var token) ? token : 0).Where(t => t > 0).ToHashSet();
    }

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
