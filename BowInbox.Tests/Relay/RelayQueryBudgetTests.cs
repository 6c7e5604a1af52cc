using System.Collections.Concurrent;
using System.Diagnostics;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BowInbox.Tests.Relay;

/// <summary>
/// The relay's hot path has a budget of database commands per message: a change that adds a query per message
/// shows up here, long before it shows up as lost throughput. (A count, not a speed: it cannot flake on a busy machine.)
/// </summary>
public sealed class RelayQueryBudgetTests
{
    // Per turn: our numbers (the central number among them), the content policy, marking the events processed; per
    // chunk of events: their payloads and which of their wamids are already stored. Per message: conversation window,
    // contact, open ticket, session with its provider, the provider's window; then six writes (message, outbox
    // row, window, session, ticket, the outgoing event `message.created`). Measured: 15 or 16 for a turn of one message
    // (the settings read is sometimes served from the memo).
    private const int Budget = 16;

    // A provider's reply on a pool number: per turn and chunk as above. Per message: the provider's window on the pool
    // number, the provider, their open sessions, the session's ticket with its customer, the customer's window on the
    // central number; then seven writes (pool message, message, outbox row, window, session, ticket, the outgoing
    // event `message.created`). Measured: 16 or 17.
    private const int ReplyBudget = 17;

    [Fact]
    public async Task A_relayed_customer_message_is_processed_with_a_fixed_handful_of_commands()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await RelayTestData.AssignedConversationAsync(app);
        await RelayTestData.CustomerWritesAsync(app, "warming up the queries");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, RelayTestData.Tom, t => t.Contains("warming up", StringComparison.Ordinal), "the first relay");

        using var commands = new CommandLog();
        await RelayTestData.CustomerWritesAsync(app, "is 3pm fine?");
        await app.WaitForSendAsync(session.PoolPhoneNumberId, RelayTestData.Tom, t => t.Contains("is 3pm fine?", StringComparison.Ordinal), "the relay");

        // The processing turn is the unit of work that marked the event processed; everything it ran is counted.
        // The log is process-wide (tests run in parallel): only this app's database counts.
        var turn = commands.ByContext
            .Where(c => c.Key.DataSource == app.DatabaseFile)
            .Single(c => c.Value.Any(sql => sql.Contains("UPDATE \"InboundEvents\"", StringComparison.Ordinal)));
        Assert.True(turn.Value.Count <= Budget, $"{turn.Value.Count} commands (budget {Budget}):\n{string.Join("\n---\n", turn.Value)}");
        Assert.Contains(turn.Value, sql => sql.Contains("INSERT INTO \"Outbox\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_of_relayed_messages_reads_per_group_not_per_message()
    {
        await using var app = new InboxAppFactory();
        string[] customers = ["15557000601", "15557000602", "15557000603"];
        foreach (var customer in customers)
        {
            var (_, session) = await RelayTestData.AssignedConversationAsync(app, customer);

            // Each customer already waiting: every message below changes the same columns of its ticket, however a
            // slow machine splits the nine into groups (a first message also starts the wait and its SLA clock).
            await RelayTestData.CustomerWritesAsync(app, "warming up", customer);
            await app.WaitForSendAsync(session.PoolPhoneNumberId, RelayTestData.Tom, t => t.Contains("warming up", StringComparison.Ordinal), "the first relay");
        }

        // Each round written a second after the one before (and after the warm-up): every message moves its ticket's latest customer message on.
        var written = DateTimeOffset.UtcNow;
        using var commands = new CommandLog();
        await using (var db = app.CreateDbContext())
        {
            db.InboundEvents.AddRange(Enumerable.Range(1, 3).SelectMany(round => customers.Select(c => InboundGroupTests.Event(c, $"round {round}", $"wamid.BUDGET-{c}-{round}", written.AddSeconds(round)))));
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the messages to be processed");
        await Eventually.TrueAsync(() => app.Graph.Requests.Count(r => (r.Text ?? r.Body).Contains("round ", StringComparison.Ordinal)) == 9, "all nine to be relayed");

        // Per turn: our numbers (the central number among them), the content policy. Per group: the events, the stored wamids,
        // the senders' windows, contacts, open tickets, sessions with providers, and the providers' windows. Nothing per
        // message: one turn per message would read 5 times more. (A slow machine may split the nine into several turns.)
        var turns = commands.ByContext
            .Where(c => c.Key.DataSource == app.DatabaseFile && c.Value.Any(sql => sql.Contains("UPDATE \"InboundEvents\"", StringComparison.Ordinal)))
            .Select(c => c.Value)
            .ToList();
        var groups = turns.Sum(t => t.Count(sql => sql.Contains("FROM \"InboundEvents\"", StringComparison.Ordinal)));
        var reads = turns.SelectMany(t => t).Where(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(turns);
        Assert.True(reads.Count <= (2 * turns.Count) + (7 * groups), $"{reads.Count} reads in {turns.Count} turn(s) of {groups} group(s):\n{string.Join("\n---\n", reads)}");

        // Written once per message: each message stored once, and its ticket changed by one UPDATE (plain SaveChanges,
        // one statement per row on SQLite), however the nine are split into groups.
        var ticketUpdates = turns.SelectMany(t => t).Count(sql => sql.Contains("UPDATE \"Tickets\"", StringComparison.Ordinal));
        Assert.True(ticketUpdates <= 9, $"{ticketUpdates} updates of tickets for nine messages");
        Assert.Equal(9, RowsInserted(turns.SelectMany(t => t), "Messages"));
    }

    [Fact]
    public async Task A_relayed_provider_reply_is_processed_with_a_fixed_handful_of_commands()
    {
        await using var app = new InboxAppFactory();
        var (_, session) = await RelayTestData.AssignedConversationAsync(app);
        await RelayTestData.ProviderWritesAsync(app, session.PoolPhoneNumberId, "warming up the queries");
        await app.WaitForSendAsync(RelayTestData.Central, RelayTestData.Customer, t => t.Contains("warming up", StringComparison.Ordinal), "the first reply");

        using var commands = new CommandLog();
        await RelayTestData.ProviderWritesAsync(app, session.PoolPhoneNumberId, "I can be there at 3pm");
        await app.WaitForSendAsync(RelayTestData.Central, RelayTestData.Customer, t => t.Contains("there at 3pm", StringComparison.Ordinal), "the reply");

        var turn = TurnsOf(commands, app).Single();
        Assert.True(turn.Count <= ReplyBudget, $"{turn.Count} commands (budget {ReplyBudget}):\n{string.Join("\n---\n", turn)}");
        Assert.Contains(turn, sql => sql.Contains("INSERT INTO \"Outbox\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_of_provider_replies_reads_per_group_not_per_message()
    {
        await using var app = new InboxAppFactory();
        string[] customers = ["15557000611", "15557000612", "15557000613"];
        var pools = new List<string>();
        foreach (var customer in customers)
        {
            pools.Add((await RelayTestData.AssignedConversationAsync(app, customer)).Session.PoolPhoneNumberId);
        }

        // One webhook carrying nine replies (Meta batches them like this): one group of events, however slow the machine.
        var webhook = Webhooks.Batch(Enumerable.Range(1, 3).SelectMany(round => pools.Select(pool =>
            Webhooks.Text(RelayTestData.Tom, $"reply round {round}", $"wamid.REPLY-{pool}-{round}", pool, RelayTestData.TomName))));

        using var commands = new CommandLog();
        await using (var db = app.CreateDbContext())
        {
            db.InboundEvents.Add(new BowInbox.Core.Channel.InboundEvent { Payload = webhook, ReceivedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await check.InboundEvents.AllAsync(e => e.ProcessedAt != null), "the replies to be processed");
        await Eventually.TrueAsync(
            () => customers.All(c => app.Sent(RelayTestData.Central, c).Count(t => t.Contains("reply round ", StringComparison.Ordinal)) == 3), "all nine to be relayed");

        // Per group: the events, the stored wamids, the providers' windows on the pool numbers, the providers, their open
        // sessions, those sessions' tickets with customers, and the customers' windows on the central number. Nothing
        // per message: the group that applied the nine replies read each kind once (windows twice: both sides').
        var groups = TurnsOf(commands, app).SelectMany(GroupsOf).ToList();
        Assert.Contains(groups, g => RowsInserted(g, "UnroutedMessages") == 9);
        foreach (var group in groups)
        {
            var reads = group.Where(sql => sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
            var detail = $"{RowsInserted(group, "UnroutedMessages")} replies applied by a group with these reads:\n{string.Join("\n---\n", reads)}";
            Assert.True(Occurrences(reads, "FROM \"Providers\"") <= 1, detail);
            Assert.True(Occurrences(reads, "FROM \"RelaySessions\"") <= 1, detail);
            Assert.True(Occurrences(reads, "FROM \"Tickets\"") <= 1, detail);
            Assert.True(Occurrences(reads, "FROM \"ConversationWindows\"") <= 2, detail);
        }

        // Each reply went to its own customer, once.
        foreach (var (customer, round) in customers.SelectMany(c => new[] { 1, 2, 3 }.Select(r => (c, r))))
        {
            Assert.Single(app.Sent(RelayTestData.Central, customer), t => t.Contains($"reply round {round}", StringComparison.Ordinal));
        }
    }

    /// <summary>A turn's commands split into its groups, each starting with the read of the group's events.</summary>
    private static IEnumerable<List<string>> GroupsOf(List<string> turn)
    {
        var group = (List<string>?)null;
        foreach (var sql in turn)
        {
            if (sql.Contains("FROM \"InboundEvents\"", StringComparison.Ordinal))
            {
                if (group is not null)
                {
                    yield return group;
                }

                group = [];
            }

            group?.Add(sql);
        }

        if (group is not null)
        {
            yield return group;
        }
    }

    /// <summary>Rows the group inserted into the table: one per EF Core INSERT, or one per VALUES tuple of a multi-row one.</summary>
    private static int RowsInserted(IEnumerable<string> group, string table)
        => group.Where(sql => sql.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
            .Sum(sql => 1 + (sql.Length - sql.Replace("), (", "", StringComparison.Ordinal).Length) / 4);

    private static int Occurrences(IEnumerable<string> commands, string text)
        => commands.Sum(sql => (sql.Length - sql.Replace(text, "", StringComparison.Ordinal).Length) / text.Length);

    /// <summary>The processing turns (the units of work that marked events processed) on this app's database, each with every command it ran.</summary>
    private static List<List<string>> TurnsOf(CommandLog commands, InboxAppFactory app)
        => commands.ByContext
            .Where(c => c.Key.DataSource == app.DatabaseFile && c.Value.Any(sql => sql.Contains("UPDATE \"InboundEvents\"", StringComparison.Ordinal)))
            .Select(c => c.Value)
            .ToList();
}
